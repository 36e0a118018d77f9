#!/usr/bin/env bash
# PostgresTradeStore.batchSave vs a raw CopyManager COPY of the same rows, in one run, on the test server
# (SOLTRADE_PG_URL, else localhost:5432/test, else an embedded one). Arguments: [batchSize] [rounds] [warmupRounds].
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -B -q -pl adapter-postgres -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
module="$root/adapter-postgres"
java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")" \
  io.soltrade.data.postgres.PostgresCopyBenchmark "$@"
