#!/usr/bin/env bash
# Deploy time: from the start of `git push paas main` to the first 200 through the router that shows the new
# release, for each kind of app the builder detects -- a Dockerfile app, a static site, an npm app and a Maven app
# (the builder's test fixtures) -- on the first push of a new app (no cache of its own: the builder labels every
# stage with the app, so no other app's layers are reused) and on a warm second push that changes one source file.
# RUNS times each (median), a new app per run. Reference, in the same invocation: the same Dockerfile app by hand,
# plain `docker build` + `docker run` (replacing the previous container on the second push) until it answers --
# the floor any platform on this engine sits on.
# Usage: bench/deploy.sh [RUNS]   (default 5; needs scripts/setup and scripts/busybox-image to have run)
# Writes bench/results/deploy.tsv.
source "$(dirname "$0")/lib.sh"
runs=${1:-5}
kinds=(dockerfile static npm maven)
fixtures=$home/builder/src/test/resources/apps
declare -A fixture=([static]=static [npm]=node [maven]=maven)
# The file each kind's response comes from, and the text in it a marker replaces.
declare -A source_file=([dockerfile]=index.html [static]=index.html [npm]=server.js
  [maven]=src/main/java/demo/Hello.java)
declare -A greeting=([dockerfile]="Hello from a Dockerfile" [static]="Hello from a static site"
  [npm]="Hello from Node.js" [maven]="Hello from Maven")
declare -A times

# new_work_tree KIND DIR: the kind's app, committed nowhere yet.
new_work_tree() {
  mkdir -p "$2"
  if [ "$1" = dockerfile ]; then
    printf 'FROM paas/busybox:latest\nCOPY index.html /www/index.html\nCMD exec httpd -f -p $PORT -h /www\n' \
      > "$2/Dockerfile"
    echo "${greeting[dockerfile]}" > "$2/index.html"
  else
    cp -r "$fixtures/${fixture[$1]}/." "$2/"
  fi
  git -C "$2" init -q -b main
}

# mark KIND OLD NEW: replaces the response's text and commits.
mark() {
  sed -i "s|$2|$3|" "${source_file[$1]}"
  grep -q "$3" "${source_file[$1]}"
  git add -A && git commit -qm "$3"
}

# timed_push APP MARKER: ms from the start of the push to the first 200 with the marker; fails if the push does.
timed_push() {
  local start push status
  start=$(now_ms)
  git push -q paas main > "$work/push.log" 2>&1 &
  push=$!
  until curl -sf --max-time 5 -H "Host: $1.localhost" "$(app_url)" 2>/dev/null | grep -q "$2"; do
    if ! kill -0 "$push" 2>/dev/null; then
      wait "$push" || { status=$?; cat "$work/push.log" >&2; return "$status"; }
      wait_for_body "$(app_url)" "$1.localhost" "$2" # the push is done: the release serves
      break
    fi
    sleep 0.02
  done
  echo $(( $(now_ms) - start ))
  wait "$push" || { status=$?; cat "$work/push.log" >&2; return "$status"; }
}

# timed_reference TAG MARKER: ms from the start of `docker build` until the new container answers with the marker.
timed_reference() {
  local start port
  start=$(now_ms)
  # The classic builder, as the platform's; its notice about that goes to the log.
  DOCKER_BUILDKIT=0 docker build -q -t "$1" . > /dev/null 2> "$work/reference.log" || { cat "$work/reference.log" >&2; return 1; }
  docker rm -f "$ref" >/dev/null 2>&1 || true
  port=$(free_port)
  docker run -d --name "$ref" -e PORT=5000 -p "127.0.0.1:$port:5000" "$1" >/dev/null
  wait_for_body "http://127.0.0.1:$port/" localhost "$2"
  echo $(( $(now_ms) - start ))
}

start_server
ref=bench-ref-$RANDOM$RANDOM
bench_refs+=("$ref")
for i in $(seq 1 "$runs"); do
  for kind in "${kinds[@]}"; do
    app=bench-$kind-$RANDOM$RANDOM
    bench_apps+=("$app")
    new_work_tree "$kind" "$work/$app" && cd "$work/$app"
    paas apps:create "$app" >/dev/null
    first=first-$i-$RANDOM second=second-$i-$RANDOM
    mark "$kind" "${greeting[$kind]}" "$first"
    times[$kind first]+=" $(timed_push "$app" "$first")"
    mark "$kind" "$first" "$second"
    times[$kind second]+=" $(timed_push "$app" "$second")"
    paas apps:destroy "$app" --confirm "$app" >/dev/null
  done
  new_work_tree dockerfile "$work/$ref-$i" && cd "$work/$ref-$i"
  first=first-$i-$RANDOM second=second-$i-$RANDOM
  mark dockerfile "${greeting[dockerfile]}" "$first"
  times[reference first]+=" $(timed_reference "$ref:$i-1" "$first")"
  mark dockerfile "$first" "$second"
  times[reference second]+=" $(timed_reference "$ref:$i-2" "$second")"
done

{
  printf 'app\tpush\tmedian_ms\truns_ms\n'
  for kind in "${kinds[@]}" reference; do
    for push in first second; do
      read -ra run_times <<< "${times[$kind $push]}"
      printf '%s\t%s\t%s\t%s\n' "$kind" "$push" "$(printf '%s\n' "${run_times[@]}" | median)" "${run_times[*]}"
    done
  done
} | write_results deploy
echo "command: bench/deploy.sh $runs"
echo "deploy time: git push -> first 200 of the new release through the router (reference: docker build + run)"
print_tsv < "$results/deploy.tsv"
