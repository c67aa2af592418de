#!/usr/bin/env bash
# The check-in benchmark (docs/performance.md, "checkin-service"): packages the service, then runs the load
# generator, which starts Kafka, PostgreSQL, the LINE simulator and the service jar as separate processes.
# Options: --duration 60 --warmup 15 --threads 48 --rate 0 (check-ins/s, 0 = unlimited) --venues 200
#          --reply-limit 100000 (the simulator's reply API rate limit; LINE's is 2,000 requests/s)
#          --client lean (signed events posted on kept-alive sockets) or simulator (the simulator posts them)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl checkin-service package -DskipTests
# The generator and the simulator run inside Maven's JVM. Its heap is fixed and touched at start: with the default
# growing heap the collector gave memory back and took it again, and page faults were 12-18 % of this JVM's CPU.
export MAVEN_OPTS="-Xms6g -Xmx6g -XX:+AlwaysPreTouch ${MAVEN_OPTS:-}"
exec ./mvnw -B -q -pl checkin-service org.codehaus.mojo:exec-maven-plugin:java -Dexec.classpathScope=test \
  -Dexec.mainClass=jp.moshisapo.checkin.bench.CheckinBench -Dexec.args="$*"
