#!/usr/bin/env bash
# Runs every test tier: Core unit tests, bUnit component tests, integration tests on SQLite and on a real
# PostgreSQL server, and browser tests in headless Chromium. Works on a fresh machine: what the tests need
# (Debian's chromium, postgresql and dnsmasq) is installed when missing, and a throw-away PostgreSQL server is started
# on 127.0.0.1 unless IA_TEST_POSTGRES already names one.
# Extra arguments go to `dotnet test`, e.g. scripts/test.sh --filter "Category!=Browser".
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

if ! command -v chromium >/dev/null 2>&1 || ! have_postgres || [ ! -x /usr/sbin/dnsmasq ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "scripts/test.sh: needs Debian's chromium, postgresql and dnsmasq-base; install them (apt-get install chromium postgresql dnsmasq-base) or run as root." >&2
    exit 1
  fi
  echo "Installing chromium, postgresql and dnsmasq-base from Debian's packages..."
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends chromium postgresql dnsmasq-base >/dev/null
fi

if [ -z "${IA_TEST_POSTGRES:-}" ]; then
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGPORT=${IA_TEST_POSTGRES_PORT:-55432}
  PGDATA=$(mktemp -d /tmp/ia-pg.XXXXXX)
  as_pg=()
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDATA"; as_pg=(runuser -u postgres --); fi
  chmod 700 "$PGDATA"
  "${as_pg[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c fsync=off -c max_connections=200" start >/dev/null
  trap '"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGDATA"' EXIT
  export IA_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
  echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') started on 127.0.0.1:$PGPORT for the tests."
fi
export CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium)}

dotnet tool restore >/dev/null
dotnet build IdentityAccess.sln -c Release
rm -rf TestResults
set +e
dotnet test IdentityAccess.sln --no-build -c Release --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory TestResults "$@"
rc=$?
set -e

counters=$(grep -o '<Counters [^>]*>' TestResults/results.trx 2>/dev/null || true)
passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
# The plain closing line CI reads.
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "${passed:-0}" = 0 ]; then
  echo "scripts/test.sh: no test ran" >&2
  exit 1
fi
exit $rc
