#!/usr/bin/env bash
# Peers in the same run: the portal's SCIM creates beside scimmy (in memory) and BoxyHQ Jackson (PostgreSQL), same client.
# Usage: scripts/bench-peers.sh [users] [concurrency]     (defaults 2000 and 8; see docs/performance.md)
# Jackson's PostgreSQL server: IA_BENCH_PEERS_POSTGRES (Npgsql form), default Host=127.0.0.1;Port=55433;Username=postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
export IA_BENCH_PEERS_POSTGRES="${IA_BENCH_PEERS_POSTGRES:-Host=127.0.0.1;Port=55433;Username=postgres}"
host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$IA_BENCH_PEERS_POSTGRES"); port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$IA_BENCH_PEERS_POSTGRES")
if ! (exec 3<>"/dev/tcp/${host:-127.0.0.1}/${port:-5432}") 2>/dev/null; then
  echo "bench-peers: no PostgreSQL server reachable at ${host:-127.0.0.1}:${port:-5432} (IA_BENCH_PEERS_POSTGRES=\"$IA_BENCH_PEERS_POSTGRES\")." >&2
  echo "bench-peers: BoxyHQ Jackson needs one; start one or point IA_BENCH_PEERS_POSTGRES at it." >&2
  exit 2
fi
command -v node >/dev/null || { echo "bench-peers: node is not installed (the peers are Node servers)" >&2; exit 2; }
dotnet build bench/IdentityAccess.Bench -c Release -nologo -v q
echo "load average: $(uptime | sed 's/.*load average: //')"
dotnet bench/IdentityAccess.Bench/bin/Release/net10.0/IdentityAccess.Bench.dll peers "$@"
echo "load average: $(uptime | sed 's/.*load average: //')"
