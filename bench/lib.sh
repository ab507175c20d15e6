# Shared by the bench scripts: a throwaway paas-server on free ports, a logged-in CLI, timing helpers.
# Source it; it sets $home, $work, $api_port, $router_port and cleans up on exit.
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
api_port=$(free_port)
router_port=$(free_port)
export HOME=$work/home PAAS_ADMIN_EMAIL=bench@example.com PAAS_ADMIN_PASSWORD=bench-password-1
mkdir -p "$HOME"
server_pid=
bench_apps=()
bench_refs=()

cleanup() {
  set +e
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  docker ps -aq --filter "label=paas.agent=$(cat "$work/data/agent-name" 2>/dev/null || echo none)" \
    | xargs -r docker rm -f >/dev/null
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

# start_server [paas-server options...]: starts it and logs the CLI in.
start_server() {
  "$home/bin/paas-server" --data-dir "$work/data" --api-port "$api_port" --router-port "$router_port" "$@" \
    > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do grep -q ready "$work/server.log" && break; sleep 0.2; done
  grep -q ready "$work/server.log" || { cat "$work/server.log"; exit 1; }
  echo "$PAAS_ADMIN_PASSWORD" | paas login --api-url "http://127.0.0.1:$api_port" --email "$PAAS_ADMIN_EMAIL" \
    --password-stdin >/dev/null
}

# wait_for_body URL HOST TEXT: polls until the body contains TEXT (30 s at most).
wait_for_body() {
  for _ in $(seq 1 3000); do
    if curl -sf -H "Host: $2" "$1" 2>/dev/null | grep -q "$3"; then return 0; fi
    sleep 0.01
  done
  echo "timed out waiting for $3" >&2; return 1
}
