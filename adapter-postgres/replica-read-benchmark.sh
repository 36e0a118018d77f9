#!/usr/bin/env bash
# Config reads/s one streaming replica serves (ConfigStore.findToken), next to the primary alone and to plain pgjdbc on the
# replica, on a private primary + replica started from this machine's PostgreSQL binaries (TestingReplicatedPostgres).
# Arguments: [secondsPerMeasurement] [rounds] [threads] [poolSize]. Prints the load average with the result.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -B -q -pl adapter-postgres -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
module="$root/adapter-postgres"
java -Djava.util.logging.config.file="$module/src/test/resources/logging.properties" -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")" \
  io.soltrade.data.postgres.ReplicaReadBenchmark "$@"
