#!/usr/bin/env bash
# Gateway overhead benchmark: requests/s and p50/p99 latency straight to a trivial upstream and through the
# gateway to the same upstream, on loopback, each side in its own process (upstream, gateway, load generator).
# Not a test; bounded in time (about 4 minutes). Results go to docs/performance.md (## Gateway) by hand.
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
for round in 1 2; do
  measured direct  "$DIRECT"  "$CONNECTIONS" 0 "$WARMUP" "$DURATION"
  measured gateway "$GATEWAY" "$CONNECTIONS" 0 "$WARMUP" "$DURATION"
done
for rate in $RATES; do
  echo "== latency: open loop at $rate requests/s, ${WARMUP}s warm-up + ${DURATION}s"
  load direct  "$DIRECT"  64 "$rate" "$WARMUP" "$DURATION"
  load gateway "$GATEWAY" 64 "$rate" "$WARMUP" "$DURATION"
done
echo "== access log lines written by the gateway: $(grep -c 'moshisapo.access\|mo.access' "$MODULE/target/bench-gateway.log" || true)"
