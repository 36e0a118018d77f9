package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.soltrade.data.domain.Commitment;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.PeriodPnl;
import io.soltrade.data.domain.PnlPeriod;
import io.soltrade.data.domain.Position;
import io.soltrade.data.domain.PositionKey;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.DbException;
import io.soltrade.data.ports.PnlQuery;
import io.soltrade.data.ports.TradeQuery;
import io.soltrade.data.questdb.testing.QuestDbServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database created by the schema as it shipped before migrations existed ({@code schema-before-migrations.sql}, a
 * copy of the old {@code questdb/schema.sql}), holding rows the old adapter wrote, upgraded by {@link SchemaApplier}
 * on a private server.
 */
class QuestDbMigrationsIT {
    private static final Duration APPLY = Duration.ofSeconds(60);
    private static final Instant DAY = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(2, ChronoUnit.DAYS);
    private static final String TOKEN = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";
    private static final String USDC = QuoteTokens.USDC.base58();

    private static QuestDbServer server;
    private static HikariDataSource pool;

    @BeforeAll
    static void startAPrivateServerWithTheOldSchemaAndRows() throws Exception {
        server = QuestDbServer.launch();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.pgUrl());
        config.setUsername(server.pgUser());
        config.setPassword(server.pgPassword());
        config.setMaximumPoolSize(2);
        pool = new HikariDataSource(config);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : SqlResource.statements("/questdb/schema-before-migrations.sql")) {
                statement.execute(ddl);
            }
            // What the old adapter wrote: a trade, the same id saved again a day later (the bug V002 fixes), two
            // states of a position on one day, and an MEV event.
            statement.execute("INSERT INTO trades (ts, trade_id, trader, mode, side, token, token_in, token_out, mev_status, amount_in, amount_out, fee, price, slot) VALUES "
                    + row(DAY.plusSeconds(3_600), "paper:old-1", "BUY", USDC, TOKEN, "2") + ", "
                    + row(DAY.plusSeconds(90_000), "paper:old-1", "SELL", TOKEN, USDC, "9") + ", "
                    + row(DAY.plusSeconds(7_200), "paper:old-2", "SELL", TOKEN, USDC, "3"));
            statement.execute("INSERT INTO positions (ts, trader, mode, token, quantity, average_entry_price, realized_pnl, fees_paid, fill_count) VALUES "
                    + "('" + DAY.plusSeconds(3_600) + "', 'old-trader', 'PAPER', '" + TOKEN + "', 10::DECIMAL(38,18), 2::DECIMAL(38,18), -1::DECIMAL(38,18), 1::DECIMAL(38,18), 1), "
                    + "('" + DAY.plusSeconds(7_200) + "', 'old-trader', 'PAPER', '" + TOKEN + "', 7::DECIMAL(38,18), 2::DECIMAL(38,18), 1::DECIMAL(38,18), 2::DECIMAL(38,18), 2)");
            statement.execute("INSERT INTO mev_events (ts, event_id, trader, token, outcome, victim_signature, sandwich_probability, predicted_loss, actual_loss) VALUES "
                    + "('" + DAY.plusSeconds(3_600) + "', '6f1c6b9e-7a4e-4a8e-9a53-3c3a2b2f8d10', 'old-trader', '" + TOKEN
                    + "', 'NOT_ATTACKED', NULL, 0.25, 7::DECIMAL(20,0), 0::DECIMAL(20,0))");
        }
    }

    private static String row(Instant at, String id, String side, String in, String out, String price) {
        String token = side.equals("BUY") ? out : in;
        return "('" + at + "', '" + id + "', 'old-trader', 'PAPER', '" + side + "', '" + token + "', '" + in + "', '" + out
                + "', 'NONE', 100::DECIMAL(20,0), 200::DECIMAL(20,0), 5000::DECIMAL(20,0), " + price + "::DECIMAL(38,18), 7)";
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aDatabaseCreatedByTheOldSchemaIsUpgradedOnceAndItsRowsReadBack() throws Exception {
        QuestDbSettings settings = QuestDbSettings.of(server.ilpConfig(), server.pgUrl(), server.pgUser(), server.pgPassword()).withApplySchema(false);
        List<String> shipped = List.of("V001__tables.sql", "V002__quote_commitment_current_positions.sql", "V003__id_bucket_index_capacity.sql");
        assertThat(QuestDbSchemaStatus.read(settings)).as("no history yet: everything pending")
                .isEqualTo(new QuestDbSchemaStatus(List.of(), shipped));
        assertThat(historyTables()).as("reading the status creates no history").isZero();

        QuestDbMigrationRun firstRun = SchemaApplier.apply(pool, APPLY);
        assertThat(firstRun.alreadyApplied()).isEmpty();
        assertThat(firstRun.appliedNow()).containsExactly("V001__tables.sql", "V002__quote_commitment_current_positions.sql", "V003__id_bucket_index_capacity.sql");
        QuestDbMigrationRun second = SchemaApplier.apply(pool, APPLY);
        assertThat(second.appliedNow()).as("applied once").isEmpty();
        assertThat(second.alreadyApplied()).isEqualTo(firstRun.appliedNow());
        assertThat(QuestDbSchemaStatus.read(settings)).isEqualTo(new QuestDbSchemaStatus(shipped, List.of()));
        assertThat(history()).containsExactly(
                "1 V001__tables.sql " + SchemaApplier.migrations().get(0).checksum(),
                "2 V002__quote_commitment_current_positions.sql " + SchemaApplier.migrations().get(1).checksum(),
                "3 V003__id_bucket_index_capacity.sql " + SchemaApplier.migrations().get(2).checksum());

        IlpBatchWriter writer = new IlpBatchWriter(settings.writerSettings(), new HttpIlpTransport(settings.ilpClientConfiguration()));
        PgWireReader reader = new PgWireReader(pool, settings.readVisibilityTimeout());
        QuestDbTradeStore trades = new QuestDbTradeStore(writer, reader, settings);
        QuestDbPositionStore positions = new QuestDbPositionStore(writer, reader);
        QuestDbMevEventStore mev = new QuestDbMevEventStore(writer, reader);
        try {
            Trade first = trades.findById(new PaperTradeId("old-1")).orElseThrow();
            assertThat(first.executedAt()).isEqualTo(DAY.plusSeconds(3_600));
            assertThat(first.commitment()).isEqualTo(Commitment.FINALIZED);
            assertThat(first.quote()).isEqualTo(QuoteTokens.USDC);
            assertThat(trades.findBetween(TimeRange.of(DAY, DAY.plus(3, ChronoUnit.DAYS)), 10)).as("the later copy of old-1 is hidden")
                    .extracting(trade -> trade.id().naturalKey()).containsExactly("paper:old-1", "paper:old-2");
            assertThat(trades.findByTrader(TradeQuery.of(TraderId.of("old-trader"), 10)).trades()).hasSize(2);
            trades.save(new Trade(first.id(), DAY.plusSeconds(200_000), first.trader(), first.mode(), first.side(), first.tokenIn(), first.tokenOut(),
                    first.amountIn(), first.amountOut(), first.fee(), BigDecimal.TEN, first.slot(), first.mevStatus()));
            assertThat(trades.findBetween(TimeRange.of(DAY, DAY.plus(3, ChronoUnit.DAYS)), 10)).as("an old id is found by its bucket").hasSize(2);

            PositionKey key = PositionKey.inUsdc(TraderId.of("old-trader"), TradingMode.PAPER, Pubkey.of(TOKEN));
            Position current = positions.current(key).orElseThrow();
            assertThat(current.fillCount()).isEqualTo(2);
            assertThat(current.quote()).isEqualTo(QuoteTokens.USDC);
            assertThat(positions.realizedPnl(new PnlQuery(key.trader(), TradingMode.PAPER, PnlPeriod.DAY, TimeRange.of(DAY, DAY.plus(1, ChronoUnit.DAYS)))))
                    .as("the day end backfilled from the old history").containsExactly(new PeriodPnl(DAY, key.token(), QuoteTokens.USDC, BigDecimal.ONE,
                            new BigDecimal("2"), 2));

            List<MevEvent> events = mev.findByTrader(key.trader(), TimeRange.of(DAY, DAY.plus(1, ChronoUnit.DAYS)), 10);
            assertThat(events).hasSize(1);
            assertThat(events.get(0).tradeId()).isEmpty();
        } finally {
            trades.intake().close();
            writer.close();
        }

        try (Connection connection = pool.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO soltrade_schema_history VALUES (99, 'V099__future.sql', 'x', now())")) {
            insert.execute();
        }
        assertThatThrownBy(() -> SchemaApplier.apply(pool, APPLY)).as("a database a newer release migrated")
                .isInstanceOfSatisfying(DbException.class, e -> assertThat(e.kind()).isEqualTo(DbErrorKind.UNSUPPORTED))
                .hasMessageContaining("at version 99");
        assertThatThrownBy(() -> QuestDbSchemaStatus.read(settings)).as("the status says what migrating would refuse")
                .isInstanceOfSatisfying(DbException.class, e -> assertThat(e.kind()).isEqualTo(DbErrorKind.UNSUPPORTED))
                .hasMessageContaining("at version 99");
    }

    private static long historyTables() throws Exception {
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT count() FROM tables() WHERE table_name = 'soltrade_schema_history'");
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<String> history() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(
                SqlResource.named(PgWireReader.QUERIES).get("schema.applied")); ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(result.getInt(1) + " " + result.getString(2) + " " + result.getString(3));
            }
        }
        return rows;
    }
}
