#!/usr/bin/env bash
# Throughput of one silo against two, each silo pinned to its own core, on Redis membership and storage.
# usage: tests/Benchmarks/cluster-throughput.sh SILOS DURATION_S CONCURRENCY [extra loadtest args...]
# Needs redis-server and Release builds of Silo and Cli; prints the loadtest JSON report on stdout.
# Every process it starts is stopped by PID on exit. PIN= (empty) runs the silos unpinned.
set -euo pipefail
silos=$1 duration=$2 concurrency=$3; shift 3
root=$(cd "$(dirname "$0")/../.." && pwd)
export TAU2_DATA_DIR=${TAU2_DATA_DIR:-$root/../shared/data}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # a silo whose Redis is already gone can hang in shutdown: give it 10 s, then stop it hard
  for _ in $(seq 50); do
    alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break; sleep 0.2
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no > /tmp/tau2-redis-$redis_port.log 2>&1 &
pids+=($!)
until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.2; done

silo_pids=()
for ((i = 0; i < silos; i++)); do
  ${PIN-taskset -c $i} dotnet "$root/Silo/bin/Release/net10.0/Tau2Observe.Silo.dll" \
    --urls "http://127.0.0.1:$(free_port)" --Tau2Observe:Backend redis --Tau2Observe:Redis "127.0.0.1:$redis_port" \
    --Tau2Observe:SiloPort "$(free_port)" --Tau2Observe:GatewayPort "$(free_port)" --TAU2_DATA_DIR "$TAU2_DATA_DIR" \
    --Logging:LogLevel:Default Warning > "/tmp/tau2-silo-$redis_port-$i.log" 2>&1 &
  pids+=($!); silo_pids+=($!)
done
sleep 8 # membership settles
dotnet "$root/Cli/bin/Release/net10.0/tau2obs.dll" loadtest --cluster "redis:127.0.0.1:$redis_port" --silo-pid "${silo_pids[@]}" \
  --simulations 1000000 --concurrency "$concurrency" --duration "$duration" --json "$@"
