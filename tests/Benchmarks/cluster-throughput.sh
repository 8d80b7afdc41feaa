#!/usr/bin/env bash
# Throughput of one silo against two, each silo pinned to its own core, on Redis membership and storage.
# usage: tests/Benchmarks/cluster-throughput.sh SILOS DURATION_S CONCURRENCY [extra loadtest args...]
# Needs redis-server and Release builds of Silo and Cli; prints the loadtest JSON report on stdout.
# Every process it starts is stopped by PID on exit. PIN= (empty) runs the silos unpinned.
# HELPER_CPUS=0 (a taskset CPU list) pins Redis and the load-test client too; by default they float.
# On stderr it reports the CPU time Redis and the client used, so their share can be accounted for,
# and how many grain-state writes Redis ran (warm-up included).
# The silos run as the container image does, with DOTNET_TC_CallCountingDelayMs=0 and a 64 MiB gen0
# budget, DOTNET_GCgen0size=0x4000000 (set either empty for the .NET default), and the load test first
# runs WARM_UP (default 20) seconds of the same load unmeasured.
# SILO_CPU_PERCENT=80 caps each silo at 80 % of one core (a CFS quota, as a container CPU limit does),
# so that one silo and two get the same CPU each while Redis and the client keep some of the cores.
set -euo pipefail
silos=$1 duration=$2 concurrency=$3; shift 3
root=$(cd "$(dirname "$0")/../.." && pwd)
export TAU2_DATA_DIR=${TAU2_DATA_DIR:-$root/../shared/data}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
pids=()
cgroups=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # a silo whose Redis is already gone can hang in shutdown: give it 10 s, then stop it hard
  for _ in $(seq 50); do
    alive=0; for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break; sleep 0.2
  done
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  # a cgroup can be removed once its killed silo is fully gone
  for g in "${cgroups[@]}"; do for _ in $(seq 25); do rmdir "$g" 2>/dev/null && break; sleep 0.2; done; done
}
# a CPU cgroup capped at SILO_CPU_PERCENT of one core (cgroup v2 cpu.max, or v1 cfs quota); prints its folder
capped_cgroup() {
  local name=tau2obs-silo-$$-$1 dir
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    dir=/sys/fs/cgroup/$name; mkdir "$dir"; echo "$((SILO_CPU_PERCENT * 1000)) 100000" > "$dir/cpu.max"
  else
    dir=/sys/fs/cgroup/cpu/$name; mkdir "$dir"
    echo 100000 > "$dir/cpu.cfs_period_us"; echo "$((SILO_CPU_PERCENT * 1000))" > "$dir/cpu.cfs_quota_us"
  fi
  echo "$dir"
}
trap cleanup EXIT

redis_port=$(free_port)
helper_pin=${HELPER_CPUS:+taskset -c $HELPER_CPUS}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; } # utime + stime, in clock ticks
$helper_pin redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no > /tmp/tau2-redis-$redis_port.log 2>&1 &
pids+=($!)
until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.2; done

silo_pids=()
export DOTNET_TC_CallCountingDelayMs=${DOTNET_TC_CallCountingDelayMs-0}
[ -z "$DOTNET_TC_CallCountingDelayMs" ] && unset DOTNET_TC_CallCountingDelayMs
export DOTNET_GCgen0size=${DOTNET_GCgen0size-0x4000000}
[ -z "$DOTNET_GCgen0size" ] && unset DOTNET_GCgen0size
for ((i = 0; i < silos; i++)); do
  enter=() # joins the capped cgroup, then runs the silo as this same process (so its PID is the silo's)
  if [ -n "${SILO_CPU_PERCENT:-}" ]; then
    cgroup=$(capped_cgroup "$i"); cgroups+=("$cgroup")
    enter=(bash -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$cgroup")
  fi
  "${enter[@]}" ${PIN-taskset -c $i} dotnet "$root/Silo/bin/Release/net10.0/Tau2Observe.Silo.dll" \
    --urls "http://127.0.0.1:$(free_port)" --Tau2Observe:Backend redis --Tau2Observe:Redis "127.0.0.1:$redis_port" \
    --Tau2Observe:SiloPort "$(free_port)" --Tau2Observe:GatewayPort "$(free_port)" --TAU2_DATA_DIR "$TAU2_DATA_DIR" \
    --Logging:LogLevel:Default Warning > "/tmp/tau2-silo-$redis_port-$i.log" 2>&1 &
  pids+=($!); silo_pids+=($!)
done
sleep 8 # membership settles
evalsha_calls() { redis-cli -p "$redis_port" INFO commandstats | awk -F'[:=,]' '/^cmdstat_evalsha:/ { print $3 }'; } # the storage provider's writes
redis_pid=${pids[0]} redis_before=$(cpu_ticks "${pids[0]}") writes_before=$(evalsha_calls)
SECONDS=0
$helper_pin dotnet "$root/Cli/bin/Release/net10.0/tau2obs.dll" loadtest --cluster "redis:127.0.0.1:$redis_port" --silo-pid "${silo_pids[@]}" \
  --simulations 1000000 --concurrency "$concurrency" --duration "$duration" --warm-up "${WARM_UP-20}" --json "$@"
ticks=$(getconf CLK_TCK)
redis_cpu=$(( $(cpu_ticks "$redis_pid") - redis_before ))
# the client is the only child this shell has waited for since it started, apart from short helpers
times_file=$(mktemp); times > "$times_file" # in this shell: a $(...) subshell has no waited-for children
client_cpu=$(tail -1 "$times_file" | awk '{ split($1, u, "m"); split($2, s, "m"); printf "%.1f", u[1]*60 + u[2] + s[1]*60 + s[2] }'); rm -f "$times_file"
writes=$(( $(evalsha_calls) - ${writes_before:-0} ))
echo "cluster-throughput: over ${SECONDS} s, redis used $(awk "BEGIN { printf \"%.1f\", $redis_cpu / $ticks }") s of CPU, the load-test client ${client_cpu} s; redis ran $writes storage writes (EVALSHA)" >&2
