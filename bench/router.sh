#!/usr/bin/env bash
# HTTP proxy throughput and latency: our router against nginx and Caddy, side by side in one invocation, loopback
# only. For each connection count, wrk measures GET / direct to one fixed backend (the floor), then through each
# proxy in turn: requests/s, p50 and p99 latency, and errors (non-2xx/3xx responses and socket errors).
# "vertx" is a bare pass-through proxy on the router's Vert.x and JVM options (bench/BareVertxProxy.java): the
# floor a router on this stack can reach, so the table splits our distance to nginx into what the router's
# features cost (router vs vertx) and what the JVM and Vert.x cost (vertx vs nginx).
# Then our router's ratio to nginx, Caddy and the bare Vert.x proxy, and the target: at 64 connections, >= 90% of nginx's req/s and p99
# within 1 ms of nginx's (and no errors, since a fast error page would inflate req/s).
#
# Usage: bench/router.sh   env: DURATION (s per run, default 10), CONNS (default "1 64 256"),
#                               WARMUP (s per target at 64 connections, default 5, not counted)
# Installs wrk, nginx and caddy if missing (Debian packages) and builds the router from this checkout.
# Writes bench/results/router.tsv.
#
# Fairness:
# - One backend for all four targets: a dedicated nginx answering `return 200` with a 13-byte body from memory,
#   keep-alive. C and event-driven, it is the cheapest server we have at hand, so it stays out of the way, and
#   it is none of the proxies under test. keepalive_requests is raised everywhere (nginx's default closes a
#   connection after 1000 requests), so no target pays for reconnects the others don't.
# - Same duration, connection count, wrk threads (min(cores, connections)) and machine for every target; the
#   targets at one connection count run back to back, each after its own warm-up (the JIT matters for ours).
# - Every proxy keeps connections to the backend alive (nginx `keepalive 64`, Caddy 64 idle connections, our
#   router its own client pool) and logs no requests.
# - Workers: nginx one per core, Caddy GOMAXPROCS = cores (Go's default); our router runs as paas-server runs it,
#   one RouterServer with one proxy per core (RouterOptions.defaults), with paas-server's JVM options.
# - wrk, the backend and the proxy share the machine's cores: compare targets within one run, not across machines.
source "$(dirname "$0")/lib.sh"
duration=${DURATION:-10}
warmup=${WARMUP:-5}
read -ra conn_counts <<< "${CONNS:-1 64 256}"
cores=$(nproc)
targets=(direct router vertx nginx caddy)
host=bench.localhost
body='hello, world' # and a newline: 13 bytes
declare -A port result

# Builds the router and its modules from this checkout (incremental, quick when up to date) and prints its runtime
# classpath. One reactor run, so paas-common is this checkout's, not whatever another branch left in ~/.m2.
router_classpath() {
  echo "-----> Building the router" >&2
  HOME=$user_home mvn -B -q -o -f "$home/pom.xml" -pl router -am package dependency:build-classpath -DskipTests \
    -DincludeScope=runtime -Dmdep.outputFile="$work/classpath" > "$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; return 1; }
  echo "$home/router/target/classes:$(cat "$work/classpath")"
}

url() { echo "http://127.0.0.1:${port[$1]}/"; }

# wait_ready TARGET: until it answers with the backend's body (60 s at most).
wait_ready() {
  for _ in $(seq 1 300); do
    [ "$(curl -s -H "Host: $host" "$(url "$1")" 2>/dev/null)" = "$body" ] && return 0
    sleep 0.2
  done
  echo "$1 did not answer; its log:" >&2
  cat "$work/$1.log" >&2
  return 1
}

# nginx_conf DIR HTTP_BLOCK: one nginx instance with its own prefix, pid and temp dirs, in the foreground.
nginx_conf() {
  mkdir -p "$1"
  cat > "$1/nginx.conf" <<EOF
daemon off;
worker_processes $cores;
pid $1/nginx.pid;
error_log $1/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  client_body_temp_path $1/client_body;
  proxy_temp_path $1/proxy;
  fastcgi_temp_path $1/fastcgi;
  uwsgi_temp_path $1/uwsgi;
  scgi_temp_path $1/scgi;
$2
}
EOF
}

start_nginx_instance() { # NAME HTTP_BLOCK
  nginx_conf "$work/$1" "$2"
  background "$1" nginx -p "$work/$1" -c "$work/$1/nginx.conf" -e "$work/$1/error.log"
}

start_backend() {
  start_nginx_instance direct "
  server {
    listen 127.0.0.1:${port[direct]};
    location / { default_type text/plain; return 200 \"$body\\n\"; }
  }"
}

start_nginx() {
  start_nginx_instance nginx "
  upstream backend {
    server 127.0.0.1:${port[direct]};
    keepalive 64;
    keepalive_requests 10000000;
  }
  server {
    listen 127.0.0.1:${port[nginx]};
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
    }
  }"
}

start_caddy() {
  local dir=$work/caddy
  mkdir -p "$dir"
  cat > "$dir/caddy.json" <<EOF
{
  "admin": {"disabled": true, "config": {"persist": false}},
  "logging": {"logs": {"default": {"level": "ERROR"}}},
  "storage": {"module": "file_system", "root": "$dir/data"},
  "apps": {"http": {"servers": {"bench": {
    "listen": ["127.0.0.1:${port[caddy]}"],
    "automatic_https": {"disable": true},
    "routes": [{"handle": [{
      "handler": "reverse_proxy",
      "upstreams": [{"dial": "127.0.0.1:${port[direct]}"}],
      "transport": {"protocol": "http", "keep_alive": {"enabled": true, "max_idle_conns_per_host": 64}}
    }]}]
  }}}}
}
EOF
  background caddy env HOME="$dir" XDG_CONFIG_HOME="$dir" XDG_DATA_HOME="$dir" caddy run --config "$dir/caddy.json"
}

# start_jvm_proxy TARGET MAIN_FILE CLASSPATH: with paas-server's JVM options (bin/paas-server), so the router runs
# as it does there.
start_jvm_proxy() {
  background "$1" java ${PAAS_JAVA_OPTS:--XX:+UseSerialGC -Xms32m -Xmx1g} -cp "$3" \
    "$home/bench/$2" "${port[direct]}" "${port[$1]}"
}

# run_wrk TARGET CONNS SECONDS: wrk's report.
run_wrk() {
  local threads=$(( $2 < cores ? $2 : cores ))
  wrk -t "$threads" -c "$2" -d "${3}s" --latency -H "Host: $host" "$(url "$1")"
}

# Reads a wrk report: prints "req/s p50_ms p99_ms errors".
summarize() {
  awk '
    function ms(t) {
      if (t ~ /us$/) return substr(t, 1, length(t) - 2) / 1000
      if (t ~ /ms$/) return substr(t, 1, length(t) - 2) + 0
      if (t ~ /[0-9]s$/) return substr(t, 1, length(t) - 1) * 1000
      if (t ~ /[0-9]m$/) return substr(t, 1, length(t) - 1) * 60000
      return "nan"
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Socket errors:/ { gsub(",", ""); errors += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    END { printf "%s %s %s %d\n", rps, p50, p99, errors }'
}

print_header() {
  echo "command: DURATION=$duration CONNS=\"${conn_counts[*]}\" WARMUP=$warmup bench/router.sh"
  echo "machine: $cores cores; $(nginx -v 2>&1 | sed 's/.*: //'), caddy $(caddy version | cut -d' ' -f1)," \
    "$(java -version 2>&1 | head -n1); backend: nginx return 200, 13 bytes"
  echo "errors: non-2xx/3xx responses and socket errors; ! marks a run that had any"
  printf '%5s | %-6s | %10s | %8s | %8s | %s\n' conns target "req/s" "p50 ms" "p99 ms" errors
  printf 'conns\ttarget\treq_per_s\tp50_ms\tp99_ms\terrors\n' > "$results/router.tsv"
}

# measure CONNS TARGET: one run, kept in $result and printed as a table row; "!" flags a run with errors.
measure() {
  local rps p50 p99 errors
  result["$1 $2"]=$(run_wrk "$2" "$1" "$duration" | summarize)
  read -r rps p50 p99 errors <<< "${result["$1 $2"]}"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$rps" "$p50" "$p99" "$errors" >> "$results/router.tsv"
  printf '%5s | %-6s | %10.0f | %8.2f | %8.2f | %s\n' "$1" "$2" "$rps" "$p50" "$p99" \
    "$errors$([ "$errors" -eq 0 ] || echo ' !')"
}

# compare CONNS OTHER: prints "router/OTHER req/s RATIO, p99 +DIFF ms".
compare() {
  local r_rps r_p99 o_rps o_p99
  read -r r_rps _ r_p99 _ <<< "${result["$1 router"]}"
  read -r o_rps _ o_p99 _ <<< "${result["$1 $2"]}"
  awk -v r="$r_rps" -v o="$o_rps" -v rp="$r_p99" -v op="$o_p99" -v other="$2" \
    'BEGIN { printf "router/%s req/s %.2f, p99 %+.2f ms", other, (o > 0 ? r / o : 0), rp - op }'
}

print_ratios() {
  local conns
  echo
  for conns in "${conn_counts[@]}"; do
    echo "$conns conns: $(compare "$conns" nginx); $(compare "$conns" caddy); $(compare "$conns" vertx)"
  done
}

print_verdict() {
  local r_rps r_p99 r_errors n_rps n_p99
  if [ -z "${result["64 router"]:-}" ]; then
    echo "target at 64 connections: not measured (CONNS=\"${conn_counts[*]}\")"
    return
  fi
  read -r r_rps _ r_p99 r_errors <<< "${result["64 router"]}"
  read -r n_rps _ n_p99 _ <<< "${result["64 nginx"]}"
  awk -v r="$r_rps" -v n="$n_rps" -v rp="$r_p99" -v np="$n_p99" -v errors="$r_errors" 'BEGIN {
    ok = r >= 0.9 * n && rp - np <= 1 && errors == 0
    printf "target at 64 connections (>= 90%% of nginx req/s, p99 within 1 ms of nginx, no errors): %s\n", \
      ok ? "PASS" : "MISS"
    printf "  router %.0f req/s = %.0f%% of nginx %.0f; p99 %.2f ms vs %.2f ms (%+.2f ms); %d errors\n", \
      r, (n > 0 ? 100 * r / n : 0), n, rp, np, rp - np, errors
  }'
}

need wrk:wrk nginx:nginx caddy:caddy
for target in "${targets[@]}"; do port[$target]=$(free_port); done
start_backend
classpath=$(router_classpath)
start_jvm_proxy router RouterBench.java "$classpath"
start_jvm_proxy vertx BareVertxProxy.java "$classpath"
start_nginx
start_caddy
for target in "${targets[@]}"; do wait_ready "$target"; done

for target in "${targets[@]}"; do
  echo "-----> Warming up $target (${warmup} s at 64 connections)" >&2
  run_wrk "$target" 64 "$warmup" >/dev/null
done

print_header
for conns in "${conn_counts[@]}"; do
  for target in "${targets[@]}"; do measure "$conns" "$target"; done
done
print_ratios
print_verdict
