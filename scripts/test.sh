#!/usr/bin/env bash
# Runs every test tier: Core unit tests, bUnit component tests, integration tests on SQLite and on a real
# PostgreSQL server, and browser tests in headless Chromium. Works on a fresh machine: what the tests need
# (Debian's chromium, postgresql, dnsmasq and nodejs/npm) is installed when missing, the npm saml-idp that the SAML
# interoperability test starts is installed from its lock file, and a throw-away PostgreSQL server is started on
# 127.0.0.1 unless IA_TEST_POSTGRES already names one.
# Extra arguments go to `dotnet test`, e.g. scripts/test.sh --filter "Category!=Browser".
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

have_postgres() { compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; }

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
have_postgres || missing+=(postgresql)
[ -x /usr/sbin/dnsmasq ] || missing+=(dnsmasq-base)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
if [ ${#missing[@]} -gt 0 ] || ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "scripts/test.sh: needs Debian's chromium, postgresql, dnsmasq-base, nodejs and npm; install them (apt-get install chromium postgresql dnsmasq-base nodejs npm) or run as root." >&2
    exit 1
  fi
  echo "Installing ${missing[*]:-npm} from Debian's packages..."
  apt-get update -q >/dev/null
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Separately: a NodeSource nodejs bundles npm and conflicts with Debian's npm package; Debian's nodejs does not.
  command -v npm >/dev/null 2>&1 || apt-get install -y -q --no-install-recommends npm >/dev/null
fi

# The SAML interoperability test's IdP (npm saml-idp in IdentityAccess.Tests/saml-idp), exactly as locked.
echo "Installing npm saml-idp for the SAML interoperability test..."
if ! npm_log=$(cd IdentityAccess.Tests/saml-idp && npm ci --no-audit --no-fund --loglevel=error 2>&1); then
  echo "$npm_log" >&2
  echo "scripts/test.sh: npm ci failed in IdentityAccess.Tests/saml-idp (see above)." >&2
  exit 1
fi
# axe-core, which the accessibility browser tests inject into the portal's pages, exactly as locked.
if ! npm_log=$(cd IdentityAccess.Tests/axe && npm ci --no-audit --no-fund --loglevel=error 2>&1); then
  echo "$npm_log" >&2
  echo "scripts/test.sh: npm ci failed in IdentityAccess.Tests/axe (see above)." >&2
  exit 1
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
