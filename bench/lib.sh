# Shared by the bench scripts: a throwaway paas-server on free ports, a logged-in CLI, standalone agents and
# routers, a steady load through the router, helpers to wait for dynos, and the results files.
# Source it; it sets $home, $work, $results, $api_port, $router_port and cleans up on exit: the apps it was told of
# (bench_apps) are destroyed through the API, then every process it started, every container the platform's agents
# labeled, and the images of bench_apps and bench_refs are removed.
set -euo pipefail
shopt -s inherit_errexit # a failure inside $(...) fails the script too
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
results=$home/bench/results
work=$(mktemp -d)
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
api_port=$(free_port)
router_port=$(free_port)
user_home=$HOME # Maven's repository is there
export HOME=$work/home PAAS_ADMIN_EMAIL=bench@example.com PAAS_ADMIN_PASSWORD=bench-password-1
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench \
  GIT_COMMITTER_EMAIL=bench@example.com
mkdir -p "$HOME" "$results"
server_pid=
bench_apps=()
bench_refs=()
bench_agents=() # names of standalone agents, whose containers cleanup removes
bench_pids=()   # background processes cleanup stops

# stop_server: destroys bench_apps (their images, networks and repos go with them), stops the server and every
# process started with `background`, and removes what the agents leave running.
stop_server() {
  set +e
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    for app in "${bench_apps[@]}"; do paas apps:destroy "$app" --confirm "$app" >/dev/null 2>&1; done
  fi
  [ -z "${load_pid:-}" ] || kill -INT "$load_pid" 2>/dev/null
  for pid in "${bench_pids[@]}"; do kill "$pid" 2>/dev/null; done
  [ ${#bench_pids[@]} -eq 0 ] || wait "${bench_pids[@]}" 2>/dev/null
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  for agent in "${bench_agents[@]}" "$(cat "$work/data/agent-name" 2>/dev/null || echo none)"; do
    docker ps -aq --filter "label=paas.agent=$agent" | xargs -r docker rm -f >/dev/null
  done
  server_pid= bench_pids=() bench_agents=()
  set -e
}

cleanup() {
  set +e
  stop_server
  set +e
  for app in "${bench_apps[@]}"; do
    docker images -q "paas/$app" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1
  done
  for ref in "${bench_refs[@]}"; do
    docker ps -aq --filter "name=$ref" | xargs -r docker rm -f >/dev/null
    docker images -q "$ref" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1
  done
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
paas() { "$home/bin/paas" "$@"; }

# apt_install PACKAGE...: installs Debian packages (as scripts/setup does).
apt_install() {
  local sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "-----> Installing $*" >&2
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# need COMMAND:PACKAGE...: installs the packages of the commands that are missing.
need() {
  local missing=() pair
  for pair in "$@"; do
    PATH=$PATH:/usr/sbin command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}")
  done
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# background NAME COMMAND...: runs it, logging to $work/NAME.log; its pid is in $last_pid and stop_server stops it.
background() {
  local name=$1; shift
  "$@" > "$work/$name.log" 2>&1 &
  last_pid=$!
  bench_pids+=("$last_pid")
}

# await_line LOG TEXT: until the log has the text (120 s at most); prints the log otherwise.
await_line() {
  for _ in $(seq 1 600); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.2; done
  cat "$1" >&2; echo "no \"$2\" in $1" >&2; return 1
}

# start_server [paas-server options...]: starts it on a fresh data dir and logs the CLI in. The app networks take a
# /20 of their own (10.220.0.0/14: the e2e platforms use 10.216.0.0/14), so platforms sharing this engine never
# take each other's apps for their own.
start_server() {
  rm -rf "$work/data"
  "$home/bin/paas-server" --data-dir "$work/data" --api-port "$api_port" --router-port "$router_port" \
    --domain localhost --app-subnets "10.$((220 + RANDOM % 4)).$((16 * (RANDOM % 16))).0/20" "$@" \
    > "$work/server.log" 2>&1 &
  server_pid=$!
  await_line "$work/server.log" ready
  echo "$PAAS_ADMIN_PASSWORD" | paas login --api-url "http://127.0.0.1:$api_port" --email "$PAAS_ADMIN_EMAIL" \
    --password-stdin >/dev/null
}

# start_agent NAME [options...]: a standalone `paas-server agent` dialing the server; its pid is in $last_pid.
start_agent() {
  local name=$1; shift
  bench_agents+=("$name")
  background "agent-$name" "$home/bin/paas-server" agent --controller "http://127.0.0.1:$api_port" \
    --token "$(cat "$work/data/agent-token")" --name "$name" "$@"
}

# start_router PORT: a standalone `paas-server router` following the server's routing table, once it is ready; its
# pid is in $last_pid.
start_router() {
  background "router-$1" "$home/bin/paas-server" router --controller "http://127.0.0.1:$api_port" \
    --token "$(cat "$work/data/agent-token")" --port "$1" --data-dir "$work/router-$1"
  await_line "$work/router-$1.log" ready
}

# app_url [PORT]: the router's URL (the platform's unless PORT is another router's).
app_url() { echo "http://127.0.0.1:${1:-$router_port}/"; }

# wait_for_body URL HOST TEXT: polls until the body contains TEXT (60 s at most).
wait_for_body() {
  for _ in $(seq 1 6000); do
    if curl -sf --max-time 5 -H "Host: $2" "$1" 2>/dev/null | grep -q "$3"; then return 0; fi
    sleep 0.01
  done
  echo "timed out waiting for $3" >&2; return 1
}

# new_busybox_app APP: a git work tree in $work/APP (the current directory after this) of a Dockerfile app whose
# web dynos answer "served by web.N, VERSION" (VERSION from the file `version`), and the app on the platform.
new_busybox_app() {
  bench_apps+=("$1")
  mkdir -p "$work/$1" && cd "$work/$1"
  git init -q -b main
  cat > Dockerfile <<'EOF'
FROM paas/busybox:latest
COPY version /version
CMD mkdir -p /tmp/www && echo "served by $DYNO, $(cat /version)" > /tmp/www/index.html && exec httpd -f -p $PORT -h /tmp/www
EOF
  paas apps:create "$1" >/dev/null
}

# push_version VERSION: commits `version` and pushes it; the platform answers only once the release serves.
push_version() {
  echo "$1" > version
  git add -A && git commit -qm "$1"
  git push -q paas main 2>"$work/push.log" || { cat "$work/push.log" >&2; return 1; }
}

# web_up APP: how many of the app's web dynos `paas ps` shows up.
web_up() { paas ps -a "$1" | { grep -cE '^web\.[0-9]+: up' || true; }; }

# scaled_to APP N: N web dynos up, on N running containers (none of the old ones still stopping).
scaled_to() { [ "$(web_up "$1")" -eq "$2" ] && [ "$(containers "$1" | wc -l)" -eq "$2" ]; }

# web_releases APP: the releases its web dynos run, one per line, sorted and unique.
web_releases() { paas ps -a "$1" | { grep -E '^web\.[0-9]+:' || true; } | { grep -oE 'v[0-9]+$' || true; } | sort -u; }

# containers APP: ids of the app's running dyno containers (one-off dynos aside). One listed may be gone before it is
# inspected, during a restart: it is left out, quietly.
containers() {
  docker ps -q --no-trunc --filter "label=paas.app=$1" --filter "label=paas.dyno" \
    | xargs -r docker inspect 2>/dev/null -f '{{if not (index .Config.Labels "paas.oneoff")}}{{.Id}}{{end}}' | grep . || true
}

# until_true SECONDS COMMAND...: polls the command every 0.2 s until it succeeds; fails after SECONDS.
until_true() {
  local deadline=$(( $(now_ms) + $1 * 1000 )); shift
  until "$@"; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "timed out: $*" >&2; return 1; }
    sleep 0.2
  done
}

# Steady load: wrk through a router to one host, LOAD_CONNS connections (default 4) each pausing LOAD_DELAY_MS
# (default 10) between requests, so the platform keeps the machine's cores for the event being measured. A request
# fails when it gets a non-2xx/3xx answer, a socket error or no answer within 10 s.
# load_start URL HOST: starts it (only one at a time); load_stop stops it and sets $load_requests, $load_failures.
load_start() {
  need wrk:wrk
  printf 'function delay() return %s end\n' "${LOAD_DELAY_MS:-10}" > "$work/steady.lua"
  wrk -t 1 -c "${LOAD_CONNS:-4}" -d 1h --timeout 10s -s "$work/steady.lua" -H "Host: $2" "$1" > "$work/load.out" 2>&1 &
  load_pid=$!
}
load_stop() {
  kill -INT "$load_pid"
  wait "$load_pid" || true
  load_pid=
  read -r load_requests load_failures _ < <(wrk_counts < "$work/load.out")
}

# wrk_counts < REPORT: "requests failures seconds" of a wrk report: requests that got an answer plus socket errors;
# failures are the socket errors plus non-2xx/3xx answers.
wrk_counts() {
  awk '
    / requests in / { answered = $1; seconds = $4; sub(/s,$/, "", seconds) }
    /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { bad += $NF }
    END { printf "%d %d %s\n", answered + errors, errors + bad, seconds }'
}

# write_results NAME: stdin (a table, tab-separated) goes to bench/results/NAME.tsv.
write_results() { cat > "$results/$1.tsv"; }

# print_tsv: a tab-separated table as aligned columns, for the terminal.
print_tsv() { column -t -s $'\t'; }
