#!/usr/bin/env bash
# Deploy time: from the start of `git push paas main` to the first 200 that shows the new release, for a
# Dockerfile app, RUNS times (median). Reference, in the same invocation: the same app by hand with plain
# `docker build` + `docker run` until it answers -- the floor any platform on this engine sits on.
# Also prints paas-server's idle RSS (the JVM, and the embedded PostgreSQL beside it).
# Usage: bench/deploy.sh [RUNS]   (needs scripts/setup and scripts/busybox-image to have run)
set -euo pipefail
runs=${1:-5}
home=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
api_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
router_port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
app=bench-$RANDOM$RANDOM
export HOME=$work/home PAAS_ADMIN_EMAIL=bench@example.com PAAS_ADMIN_PASSWORD=bench-password-1
mkdir -p "$HOME" "$work/app"

server_pid=
cleanup() {
  set +e
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  docker ps -aq --filter "label=paas.agent=$(cat "$work/data/agent-name" 2>/dev/null || echo none)" | xargs -r docker rm -f >/dev/null
  docker ps -aq --filter "name=$app-ref" | xargs -r docker rm -f >/dev/null
  docker images -q "paas/$app" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
  docker images -q "$app-ref" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
wait_for_body() { # url host expected
  for _ in $(seq 1 3000); do
    if curl -sf -H "Host: $2" "$1" 2>/dev/null | grep -q "$3"; then return 0; fi
    sleep 0.01
  done
  echo "timed out waiting for $3" >&2; return 1
}

"$home/bin/paas-server" --data-dir "$work/data" --api-port "$api_port" --router-port "$router_port" \
  > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do grep -q ready "$work/server.log" && break; sleep 0.2; done
grep -q ready "$work/server.log" || { cat "$work/server.log"; exit 1; }
sleep 5
idle_jvm=$(ps -o rss= -p "$(pgrep -P "$server_pid" java || echo "$server_pid")" | awk '{print int($1/1024)}')
idle_pg_all=$(pgrep -f "$work/data/postgres" | xargs -r ps -o rss= -p | awk '{s+=$1} END {print int(s/1024)}')

cd "$work/app"
git init -q -b main
printf 'FROM paas/busybox:latest\nCOPY index.html /www/index.html\nCMD exec httpd -f -p $PORT -h /www\n' > Dockerfile
echo "$PAAS_ADMIN_PASSWORD" | "$home/bin/paas" login --api-url "http://127.0.0.1:$api_port" --email "$PAAS_ADMIN_EMAIL" \
  --password-stdin >/dev/null
"$home/bin/paas" apps:create "$app" >/dev/null

paas_times=()
ref_times=()
for i in $(seq 1 "$runs"); do
  marker="release-$i-$RANDOM"
  echo "$marker" > index.html
  git add -A && git -c user.email=b@e -c user.name=b commit -qm "$marker"
  start=$(now_ms)
  git push -q paas main 2>/dev/null
  wait_for_body "http://127.0.0.1:$router_port/" "$app.localhost" "$marker"
  paas_times+=($(( $(now_ms) - start )))

  start=$(now_ms)
  docker build -q -t "$app-ref:$i" . >/dev/null 2>&1
  port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  docker rm -f "$app-ref" >/dev/null 2>&1 || true
  docker run -d --name "$app-ref" -e PORT=5000 -p "127.0.0.1:$port:5000" "$app-ref:$i" >/dev/null
  wait_for_body "http://127.0.0.1:$port/" "localhost" "$marker"
  ref_times+=($(( $(now_ms) - start )))
done
busy_jvm=$(ps -o rss= -p "$(pgrep -P "$server_pid" java || echo "$server_pid")" | awk '{print int($1/1024)}')

paas_median=$(printf '%s\n' "${paas_times[@]}" | median)
ref_median=$(printf '%s\n' "${ref_times[@]}" | median)
echo "command: bench/deploy.sh $runs"
printf '%-44s %10s %s\n' "what" "median ms" "runs (ms)"
printf '%-44s %10s %s\n' "paas: git push -> first 200 of new release" "$paas_median" "${paas_times[*]}"
printf '%-44s %10s %s\n' "reference: docker build + run -> first 200" "$ref_median" "${ref_times[*]}"
awk -v a="$paas_median" -v b="$ref_median" 'BEGIN {printf "ratio paas / reference: %.2f\n", a/b}'
echo "paas-server RSS: idle ${idle_jvm} MB (JVM) + ${idle_pg_all} MB (embedded PostgreSQL); after the deploys ${busy_jvm} MB (JVM)"
