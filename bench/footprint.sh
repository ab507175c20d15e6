#!/usr/bin/env bash
# Footprint: memory and CPU of the platform's processes, idle and busy, and its overhead per dyno.
# 1. All-in-one `paas-server` (controller, builder, router and agent share one JVM: they cannot be told apart there)
#    and its embedded PostgreSQL, with one app at web=1: idle (IDLE s, default 10), busy (wrk through the router at
#    64 connections for BUSY s, default 15) and during a `git push` (the builder's work: the build itself runs in
#    dockerd, which is not counted).
# 2. Split: the same server with `--no-local-agent`, plus a standalone `paas-server agent` and a standalone
#    `paas-server router` (as on other hosts), idle and busy (wrk through the standalone router).
# 3. Overhead per dyno, with web=1 and web=10 (each 10 s after the change), the difference divided by 9: the
#    all-in-one JVM's live heap after a full GC, the embedded PostgreSQL's PSS, and the PSS of the engine's
#    per-container processes (containerd-shim, docker-proxy). The dynos' own memory is not counted.
# Memory: RSS summed over a component's processes, and PSS (shared pages split among the processes sharing them, so
# PostgreSQL's shared buffers count once). CPU: % of one core over the interval (the machine has $(nproc) cores).
# Usage: bench/footprint.sh   (needs scripts/setup and scripts/busybox-image to have run)
# Writes bench/results/footprint.tsv and bench/results/footprint-per-dyno.tsv.
source "$(dirname "$0")/lib.sh"
idle_seconds=${IDLE:-10}
busy_seconds=${BUSY:-15}
per_dyno_at=10
need wrk:wrk
tsv=$results/footprint.tsv
per_dyno_tsv=$results/footprint-per-dyno.tsv

# descendants PID: the pid and all its descendants.
descendants() {
  local child
  echo "$1"
  for child in $(pgrep -P "$1" || true); do descendants "$child"; done
}

# memory_mb PID...: "RSS PSS" of the processes together, in MB.
memory_mb() {
  local pid
  for pid in "$@"; do cat "/proc/$pid/smaps_rollup" 2>/dev/null || true; done \
    | awk '/^Rss:/ { rss += $2 } /^Pss:/ { pss += $2 } END { printf "%d %d\n", rss / 1024, pss / 1024 }'
}

# cpu_ticks PID...: user + system CPU they have used, in clock ticks.
cpu_ticks() {
  local pid
  for pid in "$@"; do cut -d' ' -f14,15 "/proc/$pid/stat" 2>/dev/null || true; done \
    | awk '{ t += $1 + $2 } END { print t + 0 }'
}

# The processes of each component measured; `components` lists those of the current setup.
server_jvm() { echo "$server_pid"; }
embedded_postgres() { pgrep -f -- "-D $work/data/postgres( |$)" | while read -r pid; do descendants "$pid"; done | sort -u; }
standalone_router() { echo "$router_pid"; }
standalone_agent() { echo "$agent_pid"; }
# engine_per_container APP: the containerd-shim of each of the app's dyno containers and the docker-proxy of each
# port it publishes.
engine_per_container() {
  local id port
  for id in $(containers "$1"); do
    ps -o ppid= -p "$(docker inspect -f '{{.State.Pid}}' "$id")" | tr -d ' '
    for port in $(docker port "$id" | sed 's/.*://'); do pgrep -f -- "docker-proxy.*-host-port $port( |$)" || true; done
  done
}
declare -A component_label=(
  [server_jvm]="paas-server JVM" [embedded_postgres]="embedded PostgreSQL"
  [standalone_router]="paas-server router" [standalone_agent]="paas-server agent")

# measure SETUP STATE COMMAND...: runs the command (sleep, wrk, a push) and prints a row per component: its memory
# at the end and its CPU over the command's run.
measure() {
  local setup=$1 state=$2 component start
  local -A pids before
  shift 2
  for component in "${components[@]}"; do
    pids[$component]=$($component | tr '\n' ' ')
    before[$component]=$(cpu_ticks ${pids[$component]})
  done
  start=$(now_ms)
  "$@" > "$work/measured.out"
  local millis=$(( $(now_ms) - start ))
  for component in "${components[@]}"; do
    read -r rss pss <<< "$(memory_mb ${pids[$component]})"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$setup" "${component_label[$component]}" \
      "$(wc -w <<< "${pids[$component]}")" "$state" "$rss" "$pss" \
      "$(awk -v a="${before[$component]}" -v b="$(cpu_ticks ${pids[$component]})" -v ms="$millis" \
        -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (b - a) / hz * 100000 / ms }')"
  done
}

busy() { wrk -t 2 -c 64 -d "${busy_seconds}s" -H "Host: $app.localhost" "$(app_url "$1")"; }
rate() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$work/measured.out"; }

agent_up() { paas admin:agents | grep -qw up; }

# memory_of FUNCTION [ARG]: "RSS PSS" of what the function lists.
memory_of() { memory_mb $("$@"); }

printf 'setup\tcomponent\tprocesses\tstate\trss_mb\tpss_mb\tcpu_pct\n' > "$tsv"
printf 'measure\tweb=1 mb\tweb=%s mb\tper dyno mb\n' $per_dyno_at > "$per_dyno_tsv"

# 1. All-in-one.
start_server
app=bench-$RANDOM$RANDOM
new_busybox_app "$app"
push_version v1
components=(server_jvm embedded_postgres)
sleep 5
measure all-in-one idle sleep "$idle_seconds" >> "$tsv"
measure all-in-one busy busy "$router_port" >> "$tsv"
notes="all-in-one busy: $(rate) req/s through the router"
measure all-in-one "git push" push_version v2 >> "$tsv"

# live_heap_mb PID: the JVM's heap in use right after a full GC, in MB: what its objects hold. Its RSS would not do:
# the heap the push and the load grew stays committed, and changes more than a dyno's share.
live_heap_mb() {
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | awk '/generation/ {
      for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); kb += v }
    } END { printf "%.1f\n", kb / 1024 }'
}
# pss_of FUNCTION [ARG]: the PSS, in MB, of what the function lists.
pss_of() { memory_of "$@" | cut -d' ' -f2; }
settled() { sleep 10; }
settled
declare -A at_1
at_1[heap]=$(live_heap_mb "$server_pid")
at_1[postgres]=$(pss_of embedded_postgres)
at_1[engine]=$(pss_of engine_per_container "$app")
paas ps:scale -a "$app" web=$per_dyno_at >/dev/null
until_true 120 scaled_to "$app" $per_dyno_at
settled
per_dyno_row() { # LABEL AT_1 AT_N
  awk -v label="$1" -v a="$2" -v b="$3" -v n="$per_dyno_at" \
    'BEGIN { printf "%s\t%s\t%s\t%.2f\n", label, a, b, (b - a) / (n - 1) }' >> "$per_dyno_tsv"
}
per_dyno_row "paas-server JVM: live heap after a full GC" "${at_1[heap]}" "$(live_heap_mb "$server_pid")"
per_dyno_row "embedded PostgreSQL: PSS" "${at_1[postgres]}" "$(pss_of embedded_postgres)"
per_dyno_row "containerd-shim + docker-proxy (the engine): PSS" "${at_1[engine]}" \
  "$(pss_of engine_per_container "$app")"
stop_server

# 2. Split: no local agent; a standalone agent and router.
api_port=$(free_port) router_port=$(free_port)
start_server --no-local-agent
start_agent "bench-agent-$RANDOM"
agent_pid=$last_pid
until_true 60 agent_up
standalone_port=$(free_port)
start_router "$standalone_port"
router_pid=$last_pid
app=bench-$RANDOM$RANDOM
new_busybox_app "$app"
push_version v1
wait_for_body "$(app_url "$standalone_port")" "$app.localhost" "served by"
components=(server_jvm embedded_postgres standalone_router standalone_agent)
sleep 5
measure split idle sleep "$idle_seconds" >> "$tsv"
measure split busy busy "$standalone_port" >> "$tsv"
notes+="; split busy: $(rate) req/s through the standalone router"

echo "command: IDLE=$idle_seconds BUSY=$busy_seconds bench/footprint.sh"
echo "memory in MB (RSS summed over the processes; PSS splits shared pages); CPU in % of one core; $(nproc) cores"
echo "all-in-one: controller, builder, router and agent are one JVM (paas-server); busy = wrk -c 64 for" \
  "${busy_seconds} s through the router to one dyno; git push = a Dockerfile app's push (the build runs in dockerd)"
echo "$notes"
print_tsv < "$tsv"
echo
echo "overhead per dyno: with web=1 and web=$per_dyno_at, difference / $(( per_dyno_at - 1 ))" \
  "(the JVM's live heap after a full GC; PSS for the others; the dynos' own processes not counted)"
print_tsv < "$per_dyno_tsv"
