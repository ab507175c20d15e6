#!/usr/bin/env bash
# Deploy time: from the start of `git push paas main` to the first 200 that shows the new release, for a
# Dockerfile app, RUNS times (median). Reference, in the same invocation: the same app by hand with plain
# `docker build` + `docker run` until it answers -- the floor any platform on this engine sits on.
# Also prints paas-server's idle RSS (the JVM, and the embedded PostgreSQL beside it).
# Usage: bench/deploy.sh [RUNS]   (needs scripts/setup and scripts/busybox-image to have run)
source "$(dirname "$0")/lib.sh"
runs=${1:-5}
app=bench-$RANDOM$RANDOM
bench_apps+=("$app")
bench_refs+=("$app-ref")

start_server
sleep 5
jvm_pid=$(pgrep -P "$server_pid" java || echo "$server_pid")
idle_jvm=$(ps -o rss= -p "$jvm_pid" | awk '{print int($1/1024)}')
idle_pg=$(pgrep -f "$work/data/postgres" | xargs -r ps -o rss= -p | awk '{s+=$1} END {print int(s/1024)}')

mkdir -p "$work/app" && cd "$work/app"
git init -q -b main
printf 'FROM paas/busybox:latest\nCOPY index.html /www/index.html\nCMD exec httpd -f -p $PORT -h /www\n' > Dockerfile
paas apps:create "$app" >/dev/null

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
  port=$(free_port)
  docker rm -f "$app-ref" >/dev/null 2>&1 || true
  docker run -d --name "$app-ref" -e PORT=5000 -p "127.0.0.1:$port:5000" "$app-ref:$i" >/dev/null
  wait_for_body "http://127.0.0.1:$port/" "localhost" "$marker"
  ref_times+=($(( $(now_ms) - start )))
done
busy_jvm=$(ps -o rss= -p "$jvm_pid" | awk '{print int($1/1024)}')

paas_median=$(printf '%s\n' "${paas_times[@]}" | median)
ref_median=$(printf '%s\n' "${ref_times[@]}" | median)
echo "command: bench/deploy.sh $runs"
printf '%-44s %10s %s\n' "what" "median ms" "runs (ms)"
printf '%-44s %10s %s\n' "paas: git push -> first 200 of new release" "$paas_median" "${paas_times[*]}"
printf '%-44s %10s %s\n' "reference: docker build + run -> first 200" "$ref_median" "${ref_times[*]}"
awk -v a="$paas_median" -v b="$ref_median" 'BEGIN {printf "ratio paas / reference: %.2f\n", a/b}'
echo "paas-server RSS: idle ${idle_jvm} MB (JVM) + ${idle_pg} MB (embedded PostgreSQL); after the deploys ${busy_jvm} MB (JVM)"
