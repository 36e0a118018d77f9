package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlResourceTest {

    @Test
    void theSchemaCreatesTheFourTablesIdempotentlyWithDedupAndTtl() {
        List<String> statements = SchemaApplier.statements();

        assertThat(statements).hasSize(4).allSatisfy(ddl -> assertThat(ddl)
                .startsWith("CREATE TABLE IF NOT EXISTS").contains("PARTITION BY DAY TTL 30 DAYS WAL", "DEDUP UPSERT KEYS(ts, "));
    }

    @Test
    void everyQueryTheStoresUseIsThereAndBindsInsteadOfSplicing() {
        var queries = SqlResource.named(PgWireReader.QUERIES);

        assertThat(queries).containsKeys("wal.status", "wal.all", "trades.byId", "trades.byToken", "trades.between", "positions.latest",
                "positions.latestForTrader", "positions.history", "metrics.find", "mev.byOutcome", "mev.between");
        assertThat(queries.get("metrics.find").chars().filter(c -> c == '?').count()).isEqualTo(3 + 32 * 3 + 1);
        assertThat(queries.values()).noneMatch(query -> query.contains("'"));
    }
}
