#!/usr/bin/env bash
# Zero downtime: under a steady load through the router (see load_start in lib.sh), the requests and failures
# during each event that replaces or stops dynos, and how long the event took until the platform settled:
# - deploy: `git push` of a new version (web=2), until both dynos run the new release on new containers;
# - config change: `paas config:set`, the same;
# - scale-down: `paas ps:scale web=1` from web=3, until one dyno is left;
# - rollback: `paas releases:rollback`, until the dyno runs the new (rolled back) release;
# - agent loss: web=2 spread over two standalone agents, then one host dies: its agent is killed with SIGKILL and
#   its containers with it; until two dynos are up again on the agent left (`--agent-timeout 6`: the controller
#   takes an agent silent for 6 s as lost).
# The platform runs no dynos itself (`--no-local-agent`): two `paas-server agent` processes on this host run them
# all, as e2e's Platform.startAgent starts them. The load starts 1 s before each event and stops 1 s after it.
# Usage: bench/zero-downtime.sh   (needs scripts/setup and scripts/busybox-image to have run)
# Writes bench/results/zero-downtime.tsv.
source "$(dirname "$0")/lib.sh"
app=bench-$RANDOM$RANDOM
host=$app.localhost
agents=(bench-a-$RANDOM bench-b-$RANDOM)
declare -A agent_pid

start_server --no-local-agent --agent-timeout 6 --heartbeat-seconds 1
for agent in "${agents[@]}"; do
  start_agent "$agent" --memory 4g
  agent_pid[$agent]=$last_pid
done

# agents_json: the API's view of the agents.
agents_json() { paas admin:agents --json; }
# agent_field NAME FIELD: one field of one agent.
agent_field() {
  agents_json | python3 -c 'import json,sys; print(next((a.get(sys.argv[2]) for a in json.load(sys.stdin)
    if a["name"] == sys.argv[1]), ""))' "$1" "$2"
}
agents_up() { [ "$(agent_field "${agents[0]}" state)" = up ] && [ "$(agent_field "${agents[1]}" state)" = up ]; }
spread() { [ "$(agent_field "${agents[0]}" dynos)" = 1 ] && [ "$(agent_field "${agents[1]}" dynos)" = 1 ]; }

# on_new_release N: N dynos up, on N containers, all running one release that is not $release_before.
on_new_release() {
  local releases
  releases=$(web_releases "$app")
  scaled_to "$app" "$1" && [ "$(echo "$releases" | wc -l)" -eq 1 ] && [ "$releases" != "$release_before" ]
}
deploy_settled() { on_new_release 2; }
config_settled() { on_new_release 2; }
scale_down_settled() { scaled_to "$app" 1; }
rollback_settled() { on_new_release 1; }
loss_settled() {
  scaled_to "$app" 2 && [ "$(agent_field "${agents[1]}" state)" = lost ] && [ "$(agent_field "${agents[0]}" dynos)" = 2 ]
}

# The host of the second agent dies: the agent and its containers.
lose_agent() {
  kill -9 "${agent_pid[${agents[1]}]}"
  { wait "${agent_pid[${agents[1]}]}"; } 2>/dev/null || true
  docker ps -q --filter "label=paas.agent=${agents[1]}" | xargs -r docker kill >/dev/null
}

# event NAME SETTLED COMMAND...: runs the command under load, waits for SETTLED, prints a row of the table.
event() {
  local name=$1 settled=$2 start duration
  shift 2
  release_before=$(web_releases "$app")
  load_start "$(app_url)" "$host"
  sleep 1
  start=$(now_ms)
  "$@" >/dev/null
  until_true 300 "$settled"
  duration=$(( $(now_ms) - start ))
  sleep 1
  load_stop
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$load_requests" "$load_failures" \
    "$(awk -v f="$load_failures" -v r="$load_requests" 'BEGIN { printf "%.2f", (r > 0 ? 100 * f / r : 0) }')" "$duration"
}

until_true 60 agents_up
new_busybox_app "$app"
push_version v1
paas ps:scale -a "$app" web=2 >/dev/null
until_true 120 scaled_to "$app" 2
wait_for_body "$(app_url)" "$host" "served by"

tsv=$results/zero-downtime.tsv
printf 'event\trequests\tfailures\tfailure_pct\tduration_ms\n' > "$tsv"
event deploy deploy_settled push_version v2 >> "$tsv"
event "config change" config_settled paas config:set -a "$app" BENCH_SETTING=1 >> "$tsv"
paas ps:scale -a "$app" web=3 >/dev/null
until_true 120 scaled_to "$app" 3
event "scale-down 3->1" scale_down_settled paas ps:scale -a "$app" web=1 >> "$tsv"
event rollback rollback_settled paas releases:rollback -a "$app" >> "$tsv"
paas ps:scale -a "$app" web=2 >/dev/null
until_true 120 scaled_to "$app" 2
until_true 60 spread
event "agent loss" loss_settled lose_agent >> "$tsv"
echo "command: bench/zero-downtime.sh"
echo "load: wrk through the router, ${LOAD_CONNS:-4} connections, ${LOAD_DELAY_MS:-10} ms between requests," \
  "from 1 s before each event to 1 s after it settled; duration: event start -> settled"
print_tsv < "$results/zero-downtime.tsv"
