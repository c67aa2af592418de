#!/usr/bin/env bash
# Gateway overhead benchmark: requests/s and p50/p99 latency straight to a trivial upstream and through the
# gateway to the same upstream, on loopback, each side in its own process (upstream, gateway, load generator).
# Not a test; bounded in time (about 4 minutes). Its RESULT lines are collected into docs/performance.md by ./bench.
#
#   gateway/bench.sh                 build, then measure
#   SKIP_BUILD=1 gateway/bench.sh    reuse the last build
#
# Settings (environment): CONNECTIONS (16), DURATION seconds per run (15), WARMUP seconds before each run (5;
# both JVMs first get a 20 s unreported warm-up so the JIT has settled), RATES for the fixed-rate latency runs
# ("500 2000" requests/s), UPSTREAM_PORT (18181), GATEWAY_PORT (18180), GATEWAY_MANAGEMENT_PORT (19180).
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
PATH_UNDER_TEST="/c/BENC-HMAR-K"   # the check-in route: routing, rate limit, headers, access log all apply

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_for_port() {
  local port=$1 what=$2 deadline=$((SECONDS + 60))
  until port_in_use "$port"; do
    if (( SECONDS > deadline )); then echo "timed out waiting for $what on port $port" >&2; exit 1; fi
    sleep 0.2
  done
}
for port in "$UPSTREAM_PORT" "$GATEWAY_PORT" "$GATEWAY_MANAGEMENT_PORT"; do
  if port_in_use "$port"; then echo "port $port is in use; set UPSTREAM_PORT/GATEWAY_PORT/GATEWAY_MANAGEMENT_PORT" >&2; exit 1; fi
done

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
# limiter still runs for every request), and OIDC is not needed on this route
FACILITY_URL="http://127.0.0.1:$UPSTREAM_PORT" HTTP_PORT="$GATEWAY_PORT" MANAGEMENT_PORT="$GATEWAY_MANAGEMENT_PORT" \
RATE_CHECK_IN_PER_MINUTE=2000000000 \
  java -Xmx256m -jar "$MODULE/target/quarkus-app/quarkus-run.jar" > "$MODULE/target/bench-gateway.log" 2>&1 &
PIDS+=($!)
wait_for_port "$UPSTREAM_PORT" "the upstream"
wait_for_port "$GATEWAY_PORT" "the gateway"

UPSTREAM_PID=${PIDS[0]}
GATEWAY_PID=${PIDS[1]}
TICKS_PER_SECOND=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
load() {
  java -Xmx256m -cp "$CLASSPATH_BENCH" jp.moshisapo.gateway.bench.LoadGenerator "$@"
}
# A run plus the CPU time the gateway and the upstream processes used per request during it: unlike requests/s
# and latency, this hardly depends on what else the machine is doing.
measured() {
  local gateway_before upstream_before line requests
  gateway_before=$(cpu_ticks "$GATEWAY_PID"); upstream_before=$(cpu_ticks "$UPSTREAM_PID")
  line=$(load "$@")
  requests=$(awk '{print $NF}' <<< "$line")   # every request answered, warm-up included
  awk -v line="$line" -v n="$requests" -v hz="$TICKS_PER_SECOND" \
      -v g="$(( $(cpu_ticks "$GATEWAY_PID") - gateway_before ))" -v u="$(( $(cpu_ticks "$UPSTREAM_PID") - upstream_before ))" \
      'BEGIN { printf "%s  cpu/request: gateway %5.0f us, upstream %5.0f us\n", line, g / hz * 1e6 / n, u / hz * 1e6 / n }'
}
DIRECT="http://127.0.0.1:$UPSTREAM_PORT$PATH_UNDER_TEST"
GATEWAY="http://127.0.0.1:$GATEWAY_PORT$PATH_UNDER_TEST"

echo "== warming up both paths for 20 s (not reported)"
load warm-up "$DIRECT"  "$CONNECTIONS" 0 0 20 > /dev/null
load warm-up "$GATEWAY" "$CONNECTIONS" 0 0 20 > /dev/null

echo "== $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "== throughput: closed loop, $CONNECTIONS connections, ${WARMUP}s warm-up + ${DURATION}s (alternating, twice)"
# the figure after a word on a LoadGenerator line ("requests/s 9448", "p99 6.93 ms")
field() { awk -v key="$2" '{ for (i = 1; i < NF; i++) if ($i == key) { print $(i + 1); exit } }' <<< "$1"; }
for round in 1 2; do
  direct_line=$(measured direct  "$DIRECT"  "$CONNECTIONS" 0 "$WARMUP" "$DURATION"); echo "$direct_line"
  gateway_line=$(measured gateway "$GATEWAY" "$CONNECTIONS" 0 "$WARMUP" "$DURATION"); echo "$gateway_line"
done
# Lines the project's bench script collects into docs/performance.md (round 2: the JIT has settled).
awk -v d="$(field "$direct_line" requests/s)" -v g="$(field "$gateway_line" requests/s)" 'BEGIN {
  printf "RESULT | throughput through the gateway vs direct (closed loop) | %.0f vs %.0f requests/s = %.0f %% | ≥ 80 %%\n", g, d, 100 * g / d }'
for rate in $RATES; do
  echo "== latency: open loop at $rate requests/s, ${WARMUP}s warm-up + ${DURATION}s"
  direct_line=$(load direct  "$DIRECT"  64 "$rate" "$WARMUP" "$DURATION"); echo "$direct_line"
  gateway_line=$(load gateway "$GATEWAY" 64 "$rate" "$WARMUP" "$DURATION"); echo "$gateway_line"
  awk -v rate="$rate" -v d="$(field "$direct_line" p99)" -v g="$(field "$gateway_line" p99)" 'BEGIN {
    printf "RESULT | p99 added by the gateway at %d requests/s | %+.2f ms (%.2f vs %.2f ms) | ≤ 2 ms\n", rate, g - d, g, d }'
done
echo "== access log lines written by the gateway: $(grep -c 'moshisapo.access\|mo.access' "$MODULE/target/bench-gateway.log" || true)"
