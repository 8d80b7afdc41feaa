#!/usr/bin/env bash
# Runs the README's commands against real processes and checks what they print.
#
# The blocks marked <!-- smoke: NAME --> in README.md are run in order, in one bash session from
# the repository root, exactly as written except for two substitutions so that the run cannot
# collide with anything else on the machine:
#   - the README's ports (5080, 5100, 5101, 11111, 30000) become free ports chosen now;
#   - $HOME/tau2-data becomes $TAU2_DATA_DIR (default ../shared/data, the reference data).
# Each block's output is checked; the last line is "readme-smoke: N passed, M failed" and the exit
# code is 0 only if M is 0. Every process started is in this script's own process group and is
# killed by that group's id at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
data="${TAU2_DATA_DIR:-$(cd .. && pwd)/shared/data}"
work=$(mktemp -d)
passed=0
failed=0

check() { # check NAME DESCRIPTION COMMAND...
  local name="$1" what="$2"; shift 2
  if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); echo "ok      $name: $what"
  else failed=$((failed + 1)); echo "FAILED  $name: $what (output: $work/$name.out)"; sed 's/^/    /' "$work/$name.out" | tail -n 20; fi
}
has() { grep -qF -- "$2" "$work/$1.out"; }
count_at_least() { [ "$(grep -oF -- "$2" "$work/$1.out" | wc -l)" -ge "$3" ]; }
# each of the counters [1/N]..[N/N] exactly once (piped progress output)
counters_once() { [ "$(grep -o "^\[[0-9]*/$2\]" "$work/$1.out" | sort -u | wc -l)" -eq "$2" ] && [ "$(grep -c "^\[[0-9]*/$2\]" "$work/$1.out")" -eq "$2" ]; }

# --- free ports, one per README port ------------------------------------------------------
read -r p5080 p5100 p5101 p11111 p30000 < <(python3 - <<'PY'
import socket
socks = [socket.socket() for _ in range(5)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])
for s in socks: s.close()
PY
)

# --- the README's blocks, as one script ---------------------------------------------------
blocks=$(awk '
  /^<!-- smoke: [a-z-]+ -->$/ { name = $3; next }
  name != "" && /^```bash$/ { inblock = 1; print "#### " name; next }
  inblock && /^```$/ { inblock = 0; name = ""; next }
  inblock { print }
' README.md)
names=$(printf '%s\n' "$blocks" | sed -n 's/^#### //p')
expected="quickstart cluster card stream-text send-data errors cli-remote"
if [ "$(echo $names)" != "$expected" ]; then
  echo "readme-smoke: README smoke blocks are '$(echo $names)', expected '$expected'"
  echo "readme-smoke: 0 passed, 1 failed"
  exit 1
fi

{
  echo 'set -u'
  echo "cd '$root'"
  printf '%s\n' "$blocks" \
    | sed -e "s/5080/$p5080/g" -e "s/5100/$p5100/g" -e "s/5101/$p5101/g" -e "s/11111/$p11111/g" -e "s/30000/$p30000/g" \
          -e "s#\$HOME/tau2-data#$data#g" \
    | awk -v work="$work" '
        /^#### / { if (open) print "} > " work "/" name ".out 2>&1"; name = $2; print "echo \"readme-smoke: running " name "\" >&2"; print "{"; open = 1; next }
        { print }
        END { if (open) print "} > " work "/" name ".out 2>&1" }'
  # the README's own way to stop the hosts
  echo "cp results-tau2.json '$work/send-data-results.out' 2>/dev/null"
  echo "kill %1 %2 %3 > '$work/stop.out' 2>&1; wait"
  echo "curl -s --max-time 5 http://127.0.0.1:$p5100/health >/dev/null 2>&1 || echo stopped >> '$work/stop.out'"
} > "$work/run.sh"

# its own session and process group, so that everything it starts can be stopped by one id
setsid bash "$work/run.sh" &
group=$!
deadline=$((SECONDS + 900))
while kill -0 "$group" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 2; done
timed_out=0
if kill -0 "$group" 2>/dev/null; then timed_out=1; fi
kill -TERM -- -"$group" 2>/dev/null; sleep 2; kill -KILL -- -"$group" 2>/dev/null
wait "$group" 2>/dev/null
rm -f result.json results-tau2.json

[ "$timed_out" -eq 0 ] || { failed=$((failed + 1)); echo "FAILED  the README's commands did not finish within 15 minutes"; }

check quickstart "tau2obs evaluate (embedded cluster) completes with avg reward 1.0" has quickstart "avg reward: 1.0000"
check quickstart "one progress line per simulation, counters [1/10]..[10/10] once each" counters_once quickstart 10
check cluster "the gateway reaches the silo (/health/cluster)" has cluster "ok"
check card "agent card lists the run-evaluation skill" has card '"id":"run-evaluation"'
check stream-text "message/stream: a progress event per simulation" count_at_least stream-text '"text":"Completed task ' 5
check stream-text "message/stream ends completed with average reward 1.000" has stream-text 'completed: 5 simulations over 5 tasks. Average reward 1.000'
check stream-text "message/stream's last event is final" has stream-text '"final":true'
check send-data "tasks/get shows the data-part evaluation completed" has send-data '"state":"completed"'
check send-data "the results file has 5 simulations" count_at_least send-data-results '"reward_info"' 5
check errors "unknown domain is -32602 naming it" has errors "\"code\":-32602,\"message\":\"Unknown domain 'nosuch'"
check errors "unreachable agent is -32602" has errors "is unreachable (connection refused)"
check errors "malformed body is -32700" has errors '"code":-32700'
check cli-remote "tau2obs evaluate --cluster against the running silo: avg reward 1.0" has cli-remote "avg reward: 1.0000"
check stop "kill %1 %2 %3 stops the hosts (the gateway no longer answers)" has stop "stopped"

echo "readme-smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
