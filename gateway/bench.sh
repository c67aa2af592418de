#!/usr/bin/env bash
# Gateway overhead benchmark: requests/s, p50/p99 latency and CPU per request straight to a trivial upstream,
# through the gateway, and through nginx set up as the same kind of edge (keep-alive upstream, JSON access log,
# the gateway's security headers, request id, per-client rate limit, body limit) in front of the same upstream,
# on loopback, each in its own process. nginx is Debian's: found on the PATH or in /usr/sbin, else fetched once
# with `apt-get download nginx` into ~/.cache/moshisapo/nginx; without it the comparison is skipped, and said so.
# Not a test; bounded in time (about 6 minutes). Its RESULT lines are collected into docs/performance.md by ./bench.
#
#   gateway/bench.sh                 build, then measure
#   SKIP_BUILD=1 gateway/bench.sh    reuse the last build
#
# Settings (environment): CONNECTIONS (16), DURATION seconds per run (15), WARMUP seconds before each run (5;
# both JVMs first get a 20 s unreported warm-up so the JIT has settled), RATES for the fixed-rate latency runs
# ("500 2000" requests/s), UPSTREAM_PORT (18181), GATEWAY_PORT (18180), GATEWAY_MANAGEMENT_PORT (19180),
# NGINX_PORT (18182), NGINX (the nginx binary to use), GATEWAY_JAVA_OPTIONS (extra JVM options for the gateway,
# e.g. -XX:StartFlightRecording=filename=target/gateway.jfr,settings=profile to see where its CPU goes).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MODULE="$ROOT/gateway"
CONNECTIONS="${CONNECTIONS:-16}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-5}"
RATES="${RATES:-500 2000}"
UPSTREAM_PORT="${UPSTREAM_PORT:-18181}"
GATEWAY_PORT="${GATEWAY_PORT:-18180}"
GATEWAY_MANAGEMENT_PORT="${GATEWAY_MANAGEMENT_PORT:-19180}"
NGINX_PORT="${NGINX_PORT:-18182}"
PATH_UNDER_TEST="/c/BENC-HMAR-K"   # the check-in route: routing, rate limit, headers, access log all apply

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for_port() {
  local port=$1 what=$2 deadline=$((SECONDS + 60))
  until port_in_use "$port"; do
    if (( SECONDS > deadline )); then echo "timed out waiting for $what on port $port" >&2; exit 1; fi
    sleep 0.2
  done
}
for port in "$UPSTREAM_PORT" "$GATEWAY_PORT" "$GATEWAY_MANAGEMENT_PORT" "$NGINX_PORT"; do
  if port_in_use "$port"; then echo "port $port is in use; set UPSTREAM_PORT/GATEWAY_PORT/GATEWAY_MANAGEMENT_PORT/NGINX_PORT" >&2; exit 1; fi
done

# Debian's nginx: the one given, installed, or unpacked from the package into the cache (no root needed).
find_nginx() {
  local cache="$HOME/.cache/moshisapo/nginx"
  for candidate in "${NGINX:-}" "$(command -v nginx || true)" /usr/sbin/nginx "$cache/usr/sbin/nginx"; do
    if [[ -n "$candidate" && -x "$candidate" ]]; then echo "$candidate"; return; fi
  done
  mkdir -p "$cache"
  if (cd "$cache" && apt-get download nginx > download.log 2>&1 && dpkg -x nginx_*.deb .) && [[ -x "$cache/usr/sbin/nginx" ]]; then
    echo "$cache/usr/sbin/nginx"
  fi
}
NGINX_BIN="$(find_nginx)"
if [[ -n "$NGINX_BIN" ]]; then
  echo "== nginx: $NGINX_BIN ($("$NGINX_BIN" -v 2>&1 | sed 's/^nginx version: //'))"
else
  echo "== nginx: not installed and 'apt-get download nginx' failed (see ~/.cache/moshisapo/nginx/download.log):" \
       "the nginx comparison is skipped; 'apt-get install nginx' or NGINX=/path/to/nginx enables it"
fi

cd "$ROOT"
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  echo "== building the gateway and its test classes"
  ./mvnw -B -q -pl gateway -am install -DskipTests
fi
./mvnw -B -q -pl gateway dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$MODULE/target/bench.classpath"
CLASSPATH_BENCH="$MODULE/target/test-classes:$(cat "$MODULE/target/bench.classpath")"

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

echo "== starting the upstream (port $UPSTREAM_PORT) and the gateway (port $GATEWAY_PORT)"
java -Xmx128m -cp "$CLASSPATH_BENCH" jp.moshisapo.gateway.bench.BenchUpstream "$UPSTREAM_PORT" \
  > "$MODULE/target/bench-upstream.log" 2>&1 &
PIDS+=($!)
# production settings, except: the benchmark's single client address may exceed the check-in rate limit (the
# limiter still runs for every request), and the staff sign-in server (required in production) is named but never
# reached: the check-in route needs no token, and the gateway fetches the realm's keys only for a staff request
FACILITY_URL="http://127.0.0.1:$UPSTREAM_PORT" HTTP_PORT="$GATEWAY_PORT" MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT" \
RATE_CHECK_IN_PER_MINUTE=2000000000 OIDC_AUTH_SERVER_URL="http://127.0.0.1:9/realms/unused-by-the-benchmark" \
  java -Xmx256m ${GATEWAY_JAVA_OPTIONS:-} -jar "$MODULE/target/quarkus-app/quarkus-run.jar" > "$MODULE/target/bench-gateway.log" 2>&1 &
PIDS+=($!)
wait_for_port "$UPSTREAM_PORT" "the upstream"
wait_for_port "$GATEWAY_PORT" "the gateway"

# nginx as the same edge: what the gateway does on the check-in route, in nginx's own terms. One worker per core
# (the gateway's Vert.x uses every core too); the access log unbuffered, one JSON line per request, like the
# gateway's; the limiter zone keyed by client address with a rate no benchmark reaches, as the gateway's is.
NGINX_DIR="$MODULE/target/bench-nginx"
if [[ -n "$NGINX_BIN" ]]; then
  mkdir -p "$NGINX_DIR/temp"
  CSP="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
  cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes $(nproc);
daemon off;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 4096; }
http {
  client_body_temp_path $NGINX_DIR/temp/body;
  proxy_temp_path $NGINX_DIR/temp/proxy;
  fastcgi_temp_path $NGINX_DIR/temp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/temp/uwsgi;
  scgi_temp_path $NGINX_DIR/temp/scgi;
  server_tokens off;
  log_format json escape=json '{"time":"\$time_iso8601","requestId":"\$request_id","method":"\$request_method",'
                              '"path":"\$uri","status":\$status,"bytes":\$body_bytes_sent,'
                              '"durationMs":\$request_time,"client":"\$remote_addr"}';
  access_log $NGINX_DIR/access.log json;
  limit_req_zone \$binary_remote_addr zone=check_in:10m rate=1000000r/s;
  upstream facility { server 127.0.0.1:$UPSTREAM_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location /c/ {
      limit_req zone=check_in burst=100000 nodelay;
      client_max_body_size 16k;
      proxy_pass http://facility;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Request-Id \$request_id;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
      proxy_hide_header Access-Control-Allow-Origin;
      proxy_hide_header Access-Control-Allow-Credentials;
      proxy_hide_header Access-Control-Allow-Methods;
      proxy_hide_header Access-Control-Allow-Headers;
      proxy_hide_header Access-Control-Expose-Headers;
      proxy_hide_header Access-Control-Max-Age;
      add_header X-Request-Id \$request_id always;
      add_header Content-Security-Policy "$CSP" always;
      add_header X-Content-Type-Options nosniff always;
      add_header X-Frame-Options DENY always;
      add_header Referrer-Policy no-referrer always;
      add_header Permissions-Policy "camera=(), microphone=(), geolocation=(), payment=()" always;
    }
    location / { return 404; }
  }
}
CONF
  "$NGINX_BIN" -p "$NGINX_DIR" -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf" > "$NGINX_DIR/stdout.log" 2>&1 &
  PIDS+=($!)
  NGINX_PID=$!
  wait_for_port "$NGINX_PORT" "nginx"
fi

UPSTREAM_PID=${PIDS[0]}
GATEWAY_PID=${PIDS[1]}
TICKS_PER_SECOND=$(getconf CLK_TCK)
# user + system CPU ticks of the given processes (nginx: its master and workers)
cpu_ticks() { local total=0 pid; for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$total"; }
proxy_pids() {
  case "$1" in
    gateway) echo "$GATEWAY_PID" ;;
    nginx) echo "$NGINX_PID" $(pgrep -P "$NGINX_PID") ;;
  esac
}
load() {
  java -Xmx256m -cp "$CLASSPATH_BENCH" jp.moshisapo.gateway.bench.LoadGenerator "$@"
}
# A run plus the CPU time the edge (gateway or nginx) and the upstream used per request during it: unlike
# requests/s and latency, this hardly depends on what else the machine is doing.
measured() {
  local name=$1 proxy_before upstream_before line requests
  local pids=($(proxy_pids "$name"))
  proxy_before=$(cpu_ticks "${pids[@]}"); upstream_before=$(cpu_ticks "$UPSTREAM_PID")
  line=$(load "$@")
  requests=$(awk '{print $NF}' <<< "$line")   # every request answered, warm-up included
  awk -v line="$line" -v n="$requests" -v hz="$TICKS_PER_SECOND" \
      -v p="$(( $(cpu_ticks "${pids[@]}") - proxy_before ))" -v u="$(( $(cpu_ticks "$UPSTREAM_PID") - upstream_before ))" \
      'BEGIN { printf "%s  cpu/request: edge %5.1f us, upstream %5.1f us\n", line, p / hz * 1e6 / n, u / hz * 1e6 / n }'
}
DIRECT="http://127.0.0.1:$UPSTREAM_PORT$PATH_UNDER_TEST"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"
NGINX_URL="http://127.0.0.1:$NGINX_PORT$PATH_UNDER_TEST"
PATHS=(direct gateway)
declare -A URL=([direct]="$DIRECT" [gateway]="$GATEWAY" [nginx]="$NGINX_URL")
if [[ -n "$NGINX_BIN" ]]; then PATHS+=(nginx); fi

echo "== warming up every path for 20 s (not reported)"
for name in "${PATHS[@]}"; do load warm-up "${URL[$name]}" "$CONNECTIONS" 0 0 20 > /dev/null; done

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "== throughput: closed loop, $CONNECTIONS connections, ${WARMUP}s warm-up + ${DURATION}s (alternating, twice)"
# the figure after a word on a LoadGenerator line ("requests/s 9448", "p99 6.93 ms", "upstream 10.2 us")
field() { awk -v key="$2" '{ for (i = 1; i < NF; i++) if ($i == key) { print $(i + 1); exit } }' <<< "$1"; }
declare -A LINE
for round in 1 2; do
  for name in "${PATHS[@]}"; do
    LINE[$name]=$(measured "$name" "${URL[$name]}" "$CONNECTIONS" 0 "$WARMUP" "$DURATION"); echo "${LINE[$name]}"
  done
done
# Lines the project's bench script collects into docs/performance.md (round 2: the JIT has settled).
awk -v d="$(field "${LINE[direct]}" requests/s)" -v g="$(field "${LINE[gateway]}" requests/s)" 'BEGIN {
  printf "RESULT | throughput through the gateway vs direct (closed loop) | %.0f vs %.0f requests/s = %.0f %% | ≥ 80 %%\n", g, d, 100 * g / d }'
if [[ -n "$NGINX_BIN" ]]; then
  awk -v n="$(field "${LINE[nginx]}" requests/s)" -v g="$(field "${LINE[gateway]}" requests/s)" 'BEGIN {
    printf "RESULT | throughput through the gateway vs nginx (closed loop) | %.0f vs %.0f requests/s = %.0f %% | ≥ 70 %%\n", g, n, 100 * g / n }'
  awk -v n="$(field "${LINE[nginx]}" edge)" -v g="$(field "${LINE[gateway]}" edge)" 'BEGIN {
    printf "RESULT | CPU per request, gateway vs nginx | %.1f vs %.1f us = %.1f× | ≤ 1.5×\n", g, n, g / n }'
else
  echo "RESULT | throughput through the gateway vs nginx (closed loop) | not measured: no nginx | ≥ 70 %"
  echo "RESULT | CPU per request, gateway vs nginx | not measured: no nginx | ≤ 1.5×"
fi
for rate in $RATES; do
  echo "== latency: open loop at $rate requests/s, ${WARMUP}s warm-up + ${DURATION}s"
  for name in "${PATHS[@]}"; do
    LINE[$name]=$(load "$name" "${URL[$name]}" 64 "$rate" "$WARMUP" "$DURATION"); echo "${LINE[$name]}"
  done
  target=$([[ "$rate" == 2000 ]] && echo "≤ 1 ms" || echo "≤ 2 ms")
  for name in "${PATHS[@]:1}"; do
    awk -v rate="$rate" -v name="$name" -v target="$target" -v d="$(field "${LINE[direct]}" p99)" \
        -v e="$(field "${LINE[$name]}" p99)" 'BEGIN {
      printf "RESULT | p99 added by %s at %d requests/s | %+.2f ms (%.2f vs %.2f ms) | %s\n", (name == "gateway" ? "the gateway" : name), rate, e - d, e, d, (name == "gateway" ? target : "—") }'
  done
done
echo "== access log lines written by the gateway: $(grep -c 'moshisapo.access\|mo.access' "$MODULE/target/bench-gateway.log" || true)"
if [[ -n "$NGINX_BIN" ]]; then echo "== access log lines written by nginx: $(wc -l < "$NGINX_DIR/access.log")"; fi
