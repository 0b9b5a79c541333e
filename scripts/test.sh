#!/usr/bin/env bash
# Runs every test: installs what is missing, builds once, then runs each test project in turn
# (one at a time: the end-to-end tests train real models and should not share 2 cores with the rest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build Grader.sln -c Release -nologo -v quiet -clp:ErrorsOnly
# The public API's protos stay clean under buf's STANDARD lint rules; buf comes pinned from package.json.
npm ci --no-audit --no-fund --loglevel=error
npx --no-install buf lint && echo "buf lint: protos clean"
# Every database test runs on SQLite and PostgreSQL: a throwaway cluster for this run, stopped on exit.
source scripts/postgres-test-cluster.sh
trap pg_test_stop EXIT

passed=0; failed=0; status=0
for project in tests/*/*.csproj; do
  log=$(mktemp)
  if ! dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee "$log"; then status=1; fi
  line=$(grep -E '(Passed|Failed)! +- ' "$log" | tail -n1 || true)
  if [ -z "$line" ]; then status=1; echo "no test summary from $project" >&2; fi
  p=$(sed -nE 's/.*Passed: +([0-9]+).*/\1/p' <<<"$line"); f=$(sed -nE 's/.*Failed: +([0-9]+),.*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  rm -f "$log"
done
echo "$passed passed, $failed failed"
exit $status
