#!/usr/bin/env bash
# Sourced by scripts/test.sh: starts a throwaway PostgreSQL cluster (initdb in a temp dir, a free port on
# 127.0.0.1, run as the `postgres` OS user when we are root) and exports GRADER_TEST_POSTGRES, the
# connection string the database tests read through configuration. `pg_test_stop` stops and deletes it.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
if [ -z "$pg_bin" ]; then echo "postgres-test-cluster: PostgreSQL is not installed (scripts/setup.sh installs it)" >&2; return 1; fi

pg_as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_test_dir=$(mktemp -d /tmp/grader-pg.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres: "$pg_test_dir"
pg_port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pg_port=$candidate; break; fi
done
if [ -z "$pg_port" ]; then echo "postgres-test-cluster: no free port found" >&2; return 1; fi

pg_as_owner "$pg_bin/initdb" -D "$pg_test_dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
# Durability is pointless for a throwaway cluster; fsync off keeps the tests fast on slow disks.
pg_as_owner "$pg_bin/pg_ctl" -D "$pg_test_dir/data" -l "$pg_test_dir/server.log" -w -o \
  "-p $pg_port -k $pg_test_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null

export GRADER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

pg_test_stop() {
  pg_as_owner "$pg_bin/pg_ctl" -D "$pg_test_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_test_dir"
}
