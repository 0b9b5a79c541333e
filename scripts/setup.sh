#!/usr/bin/env bash
# Idempotent machine set-up shared by both README commands (and CI).
# Installs only what is missing: the C++ runtime TorchSharp's libtorch needs, bubblewrap for the
# sandbox.
set -euo pipefail

log() { printf 'setup: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v dotnet >/dev/null 2>&1; then
  log ".NET SDK not found: install the .NET 10 SDK (see global.json) and re-run."; exit 1
fi
sdk_major=$(dotnet --version | cut -d. -f1)
if [ "$sdk_major" -lt 10 ]; then
  log ".NET SDK $(dotnet --version) is too old: .NET 10 is required."; exit 1
fi

apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# libtorch 2.10 is built against GCC 13's runtime. Decide by the symbol, not by the distribution.
libstdcxx=$(ldconfig -p | awk '/libstdc\+\+\.so\.6 .*x86-64/ && !found {print $NF; found = 1}')
if [ -z "$libstdcxx" ] || ! grep -q 'GLIBCXX_3\.4\.32' "$libstdcxx"; then
  log "libstdc++ lacks GLIBCXX_3.4.32: installing libstdc++6 from Debian 13 (pinned low)"
  # Reuse the mirror this machine already uses for Debian, so no host is named here.
  mirror=$(grep -hoE '^URIs: *\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | sed -n 1p)
  [ -n "$mirror" ] || mirror=$(awk '/^deb / && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list)
  if [ -z "$mirror" ]; then log "no Debian mirror configured in apt; cannot add trixie"; exit 1; fi
  as_root tee /etc/apt/sources.list.d/grader-trixie.sources >/dev/null <<SRC
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  as_root tee /etc/apt/preferences.d/grader-trixie >/dev/null <<'PIN'
Package: *
Pin: release n=trixie
Pin-Priority: 100
PIN
  apt_updated=0
  apt_install -t trixie libstdc++6
fi

command -v bwrap >/dev/null 2>&1 || { log "installing bubblewrap"; apt_install bubblewrap; }
# npm installs the pinned buf that lints the protos (scripts/test.sh).
command -v npm >/dev/null 2>&1 || { log "installing npm"; apt_install nodejs npm; }
# The sandboxed runner runs as this account when the grader runs as root (docs/security.md);
# setpriv and prlimit (util-linux) drop to it and set the rlimits.
command -v setpriv >/dev/null 2>&1 && command -v prlimit >/dev/null 2>&1 || { log "installing util-linux"; apt_install util-linux; }
if [ "$(id -u)" = 0 ]; then
  getent passwd grader-sandbox >/dev/null 2>&1 || { log "creating the sandbox user grader-sandbox"; useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin grader-sandbox; }
fi
# The database tests start a throwaway PostgreSQL cluster (scripts/postgres-test-cluster.sh).
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { log "installing postgresql"; apt_install postgresql; }

log "ok"
