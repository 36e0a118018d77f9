#!/usr/bin/env bash
# Regenerates the checked-in jOOQ classes (src/main/java/io/soltrade/data/postgres/schema) from a real
# PostgreSQL: the Liquibase changelog is applied to a fresh schema of the test server (SOLTRADE_PG_URL, else
# localhost:5432/test, else an embedded one), and jOOQ reads the result. Run from anywhere; commit the diff.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -B -q -pl adapter-postgres -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
module="$root/adapter-postgres"
java -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")" \
  io.soltrade.data.postgres.RegenerateSchemaClasses "$module/src/main/java"
