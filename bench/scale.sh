#!/usr/bin/env bash
# Scale-out and rolling restart, RUNS times each (median).
# - Scale-out: `paas ps:scale web=20` from web=1 until all twenty dynos answer through the router. Reference, in the
#   same invocation: twenty `docker run`s of the same image started side by side by hand until each answers.
# - Rolling restart: `paas ps:restart web` of 10 dynos, until all ten are up on new containers (none of the old
#   ones left running), under a steady load through the router (see load_start in lib.sh): its requests and
#   failures.
# Usage: bench/scale.sh [RUNS]   (default 3; needs scripts/setup and scripts/busybox-image to have run)
# Writes bench/results/scale.tsv.
source "$(dirname "$0")/lib.sh"
runs=${1:-3}
app=bench-$RANDOM$RANDOM
host=$app.localhost
ref=$app-ref
bench_refs+=("$ref")
scale_to=20
restart_dynos=10

start_server --agent-cpus 32 # 8 per core by default: 16 here, and a dyno takes 1
new_busybox_app "$app"
push_version v1
image=$(docker images --format '{{.Repository}}:{{.Tag}}' "paas/$app" | head -n1)

# all_answer N: true once N distinct dynos have answered through the router within one round of requests.
all_answer() {
  local seen
  seen=$(for _ in $(seq 1 $(( 3 * $1 ))); do curl -s --max-time 5 -H "Host: $host" "$(app_url)"; done \
    | { grep -o 'served by web\.[0-9]*' || true; } | sort -u | wc -l)
  [ "$seen" -ge "$1" ]
}


# restarted: ten dynos up, on ten running containers, none of them one that ran before the restart.
restarted() {
  local now
  now=$(containers "$app")
  [ "$(web_up "$app")" -eq "$restart_dynos" ] && [ "$(echo "$now" | wc -l)" -eq "$restart_dynos" ] \
    && [ -z "$(comm -12 <(echo "$now" | sort) <(echo "$before" | sort))" ]
}

scale_times=() ref_times=() restart_times=() restart_requests=() restart_failures=()
for _ in $(seq 1 "$runs"); do
  start=$(now_ms)
  paas ps:scale -a "$app" web=$scale_to >/dev/null
  until_true 300 all_answer $scale_to
  scale_times+=($(( $(now_ms) - start )))

  paas ps:scale -a "$app" web=$restart_dynos >/dev/null
  until_true 120 scaled_to "$app" $restart_dynos
  before=$(containers "$app")
  load_start "$(app_url)" "$host"
  sleep 1
  start=$(now_ms)
  paas ps:restart -a "$app" web >/dev/null
  until_true 300 restarted
  restart_times+=($(( $(now_ms) - start )))
  sleep 1
  load_stop
  restart_requests+=("$load_requests") restart_failures+=("$load_failures")

  paas ps:scale -a "$app" web=1 >/dev/null
  until_true 120 scaled_to "$app" 1

  start=$(now_ms)
  ports=() started=()
  for n in $(seq 1 $scale_to); do
    port=$(free_port); ports+=("$port")
    docker run -d --name "$ref-$n" -e PORT=5000 -e DYNO="web.$n" -p "127.0.0.1:$port:5000" "$image" >/dev/null &
    started+=($!)
  done
  wait "${started[@]}"
  for port in "${ports[@]}"; do wait_for_body "http://127.0.0.1:$port/" localhost "served by"; done
  ref_times+=($(( $(now_ms) - start )))
  docker ps -aq --filter "name=$ref-" | xargs -r docker rm -f >/dev/null
done

{
  printf 'what\tmedian_ms\truns_ms\trequests\tfailures\n'
  printf 'paas: ps:scale web=1 -> web=%s, all answering\t%s\t%s\t-\t-\n' $scale_to \
    "$(printf '%s\n' "${scale_times[@]}" | median)" "${scale_times[*]}"
  printf 'reference: %s docker runs side by side, answering\t%s\t%s\t-\t-\n' $scale_to \
    "$(printf '%s\n' "${ref_times[@]}" | median)" "${ref_times[*]}"
  printf 'paas: ps:restart web of %s dynos, all on new containers\t%s\t%s\t%s\t%s\n' $restart_dynos \
    "$(printf '%s\n' "${restart_times[@]}" | median)" "${restart_times[*]}" "${restart_requests[*]}" \
    "${restart_failures[*]}"
} | write_results scale
echo "command: bench/scale.sh $runs"
echo "load during the restart: wrk, ${LOAD_CONNS:-4} connections, ${LOAD_DELAY_MS:-10} ms between requests;" \
  "requests and failures per run"
print_tsv < "$results/scale.tsv"
