#!/usr/bin/env bash
# Scale-out time: `paas ps:scale web=10` from web=1 until all ten dynos answer through the router, RUNS times
# (median). Reference, in the same invocation: ten `docker run`s of the same image started side by side by hand
# until each answers on its port.
# Usage: bench/scale.sh [RUNS]   (needs scripts/setup and scripts/busybox-image to have run)
source "$(dirname "$0")/lib.sh"
runs=${1:-3}
app=bench-$RANDOM$RANDOM
bench_apps+=("$app")
bench_refs+=("$app-ref")

start_server
mkdir -p "$work/app" && cd "$work/app"
git init -q -b main
printf 'FROM paas/busybox:latest\nCMD mkdir -p /tmp/www && echo "served by $DYNO" > /tmp/www/index.html && exec httpd -f -p $PORT -h /tmp/www\n' > Dockerfile
git add -A && git -c user.email=b@e -c user.name=b commit -qm v1
paas apps:create "$app" >/dev/null
git push -q paas main 2>/dev/null
image=$(docker images --format '{{.Repository}}:{{.Tag}}' "paas/$app" | head -n1)

all_answer() { # until N distinct dynos have answered through the router
  local seen
  for _ in $(seq 1 6000); do
    seen=$(for _ in $(seq 1 30); do curl -s -H "Host: $app.localhost" "http://127.0.0.1:$router_port/"; done \
      | sort -u | grep -c "served by web" || true)
    [ "$seen" -ge "$1" ] && return 0
  done
  return 1
}

paas_times=()
ref_times=()
for _ in $(seq 1 "$runs"); do
  start=$(now_ms)
  paas ps:scale web=10 >/dev/null
  all_answer 10
  paas_times+=($(( $(now_ms) - start )))
  paas ps:scale web=1 >/dev/null
  until [ "$(paas ps | grep -c '^web\.')" -eq 1 ]; do sleep 0.2; done

  start=$(now_ms)
  ports=()
  runs_started=()
  for n in $(seq 1 10); do
    port=$(free_port); ports+=("$port")
    docker run -d --name "$app-ref-$n" -e PORT=5000 -e DYNO="web.$n" -p "127.0.0.1:$port:5000" "$image" >/dev/null &
    runs_started+=($!)
  done
  wait "${runs_started[@]}"
  for port in "${ports[@]}"; do wait_for_body "http://127.0.0.1:$port/" localhost "served by"; done
  ref_times+=($(( $(now_ms) - start )))
  docker rm -f $(docker ps -aq --filter "name=$app-ref-") >/dev/null
done

paas_median=$(printf '%s\n' "${paas_times[@]}" | median)
ref_median=$(printf '%s\n' "${ref_times[@]}" | median)
echo "command: bench/scale.sh $runs"
printf '%-48s %10s %s\n' "what" "median ms" "runs (ms)"
printf '%-48s %10s %s\n' "paas: ps:scale web=1 -> web=10, all answering" "$paas_median" "${paas_times[*]}"
printf '%-48s %10s %s\n' "reference: 10 docker runs side by side, answering" "$ref_median" "${ref_times[*]}"
awk -v a="$paas_median" -v b="$ref_median" 'BEGIN {printf "ratio paas / reference: %.2f\n", a/b}'
