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

# The npm packages the browser tests use, exactly as locked: npm saml-idp (the SAML interoperability test's IdP,
# IdentityAccess.Tests/saml-idp) and axe-core (IdentityAccess.Tests/axe, injected into the portal's pages). A folder
# whose node_modules were installed from the same lock file is left as it is; both install beside the build.
npm_ci() {
  local dir=$1 stamp="$1/node_modules/.installed-lock.sha256" want
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  if ! npm_log=$(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error 2>&1); then
    echo "$npm_log" >&2
    echo "scripts/test.sh: npm ci failed in $dir (see above)." >&2
    return 1
  fi
  echo "$want" >"$stamp"
}
echo "Installing npm saml-idp and axe-core for the browser tests (beside the build)..."
npm_ci IdentityAccess.Tests/saml-idp & saml_idp_npm=$!
npm_ci IdentityAccess.Tests/axe & axe_npm=$!

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
build_started=$SECONDS
dotnet build IdentityAccess.sln -c Release
echo "Built in $((SECONDS - build_started)) s."
wait "$saml_idp_npm" && wait "$axe_npm" || exit 1
rm -rf TestResults
tests_started=$SECONDS
set +e
dotnet test IdentityAccess.sln --no-build -c Release --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory TestResults "$@"
rc=$?
set -e
echo "Tests ran in $((SECONDS - tests_started)) s."

counters=$(grep -o '<Counters [^>]*>' TestResults/results.trx 2>/dev/null || true)
passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
if [ "${failed:-0}" != 0 ]; then
  # What failed, again, at the end: CI shows the tail of this log.
  echo "Failed tests:"
  python3 scripts/failed-tests.py TestResults/results.trx || true
fi
# The plain closing line CI reads.
echo "${passed:-0} passed, ${failed:-0} failed"
if [ "${passed:-0}" = 0 ]; then
  echo "scripts/test.sh: no test ran" >&2
  exit 1
fi
exit $rc
