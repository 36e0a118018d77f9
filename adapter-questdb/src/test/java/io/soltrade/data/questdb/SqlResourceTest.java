package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.soltrade.data.domain.CandleInterval;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlResourceTest {

    @Test
    void theFirstMigrationIsTheSchemaAsItShipped() {
        SchemaApplier.Migration first = SchemaApplier.migrations().get(0);

        assertThat(first.statements()).isEqualTo(SqlResource.statements("/questdb/schema-before-migrations.sql"));
        assertThat(first.statements()).hasSize(4).allSatisfy(ddl -> assertThat(ddl)
                .startsWith("CREATE TABLE IF NOT EXISTS").contains("PARTITION BY DAY TTL 30 DAYS WAL", "DEDUP UPSERT KEYS(ts, "));
    }

    @Test
    void migrationsAreNumberedInOrderAndTheirChecksumsIgnoreComments() {
        List<SchemaApplier.Migration> migrations = SchemaApplier.migrations();

        assertThat(migrations).extracting(SchemaApplier.Migration::version).containsExactly(1, 2, 3);
        assertThat(migrations.get(1).statements()).anySatisfy(ddl -> assertThat(ddl).startsWith("CREATE TABLE IF NOT EXISTS position_days"))
                .noneSatisfy(ddl -> assertThat(ddl).contains("TTL"));
        assertThat(SchemaApplier.checksum(List.of("SELECT 1"))).isEqualTo(SchemaApplier.checksum(List.of("  SELECT 1 ")))
                .isNotEqualTo(SchemaApplier.checksum(List.of("SELECT 2")));
        assertThat(SchemaApplier.statements()).hasSize(migrations.stream().mapToInt(m -> m.statements().size()).sum());
    }

    @Test
    void everyQueryTheStoresUseIsThereAndBindsInsteadOfSplicing() {
        Map<String, String> queries = SqlResource.named(PgWireReader.QUERIES);

        assertThat(queries).containsKeys("wal.status", "wal.all", "trades.byId", "trades.storedIds", "trades.byToken", "trades.between",
                "trades.byTrader", "trades.lastPriceBefore", "positions.latest", "positions.latestForTrader", "positions.history",
                "positionDays.latest", "positionDays.before", "positionDays.weeks", "metrics.find", "mev.byOutcome", "mev.between", "mev.byTrader",
                "mev.byTrade", "schema.historyExists", "schema.applied", "schema.record");
        for (CandleInterval interval : CandleInterval.values()) {
            assertThat(queries.get("candles." + interval.label())).contains("SAMPLE BY " + interval.label() + " ALIGN TO CALENDAR");
            assertThat(queries.get("metrics.downsample." + interval.label())).contains("SAMPLE BY " + interval.label() + " ");
        }
        assertThat(queries.get("metrics.find").chars().filter(c -> c == '?').count()).isEqualTo(3 + 32 * 3 + 1);
        assertThat(queries.get("trades.storedIds").chars().filter(c -> c == '?').count()).isEqualTo(2 * 256);
        assertThat(queries.values()).allSatisfy(query -> assertThat(query).doesNotContain("{{")
                .satisfies(q -> assertThat(q.replace("'BUY'", "")).as("no literal but the side 'BUY'").doesNotContain("'")));
    }
}
