package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.TRADER_CONFIG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.postgres.schema.tables.records.TraderConfigRecord;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.TableField;

/** The {@code trader_config} table. {@code version} is the optimistic lock; the SQL never decides a conflict alone. */
final class TraderConfigRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Shared by every store of the process: parsed settings are immutable values keyed by their text. */
    private static final ParsedSettings SETTINGS = new ParsedSettings();

    /** What a read maps into a {@link TraderConfig}, in this order (1-based JDBC column = index + 1). */
    static final List<TableField<TraderConfigRecord, ?>> COLUMNS = List.of(TRADER_CONFIG.TRADER_ID, TRADER_CONFIG.MODE,
            TRADER_CONFIG.MAX_POSITION_LAMPORTS, TRADER_CONFIG.MAX_DAILY_LOSS_LAMPORTS, TRADER_CONFIG.MAX_SLIPPAGE_BPS,
            TRADER_CONFIG.MAX_OPEN_ORDERS, TRADER_CONFIG.MEV_ENABLED, TRADER_CONFIG.MEV_SANDWICH_THRESHOLD,
            TRADER_CONFIG.MEV_MAX_TIP_LAMPORTS, TRADER_CONFIG.MEV_PRIVATE_SUBMISSION, TRADER_CONFIG.SETTINGS, TRADER_CONFIG.VERSION);

    private TraderConfigRows() {}

    /** The stored row of {@code trader}, locked until the transaction ends (plain reads: {@link TraderConfigRead}). */
    static Optional<TraderConfig> findForUpdate(DSLContext dsl, TraderId trader) {
        var query = dsl.selectFrom(TRADER_CONFIG).where(TRADER_CONFIG.TRADER_ID.eq(trader.value()));
        return Optional.ofNullable(query.forUpdate().fetchOne()).map(TraderConfigRows::toConfig);
    }

    /** Inserts {@code config} as version 1 unless the trader has one; whether it was inserted. */
    static boolean insertIfAbsent(DSLContext dsl, TraderConfig config, Instant now) {
        TraderConfigRecord row = toRecord(dsl, config.withVersion(1));
        row.setCreatedAt(Timestamps.toColumn(now));
        row.setUpdatedAt(Timestamps.toColumn(now));
        return dsl.insertInto(TRADER_CONFIG).set(row).onConflictDoNothing().execute() == 1;
    }

    /** Stores {@code config} as {@code version + 1} if the stored version is {@code config.version()}; whether it did. */
    static boolean updateIfVersion(DSLContext dsl, TraderConfig config, Instant now) {
        TraderConfigRecord row = toRecord(dsl, config.withVersion(config.version() + 1));
        row.setUpdatedAt(Timestamps.toColumn(now));
        row.changed(TRADER_CONFIG.TRADER_ID, false);
        row.changed(TRADER_CONFIG.CREATED_AT, false);
        return dsl.update(TRADER_CONFIG).set(row)
                .where(TRADER_CONFIG.TRADER_ID.eq(config.trader().value()))
                .and(TRADER_CONFIG.VERSION.eq(config.version()))
                .execute() == 1;
    }

    private static TraderConfigRecord toRecord(DSLContext dsl, TraderConfig config) {
        TraderConfigRecord row = dsl.newRecord(TRADER_CONFIG);
        row.setTraderId(config.trader().value());
        row.setMode(config.mode().name());
        row.setMaxPositionLamports(config.limits().maxPositionLamports().toBigInteger());
        row.setMaxDailyLossLamports(config.limits().maxDailyLossLamports().toBigInteger());
        row.setMaxSlippageBps(config.limits().maxSlippageBps());
        row.setMaxOpenOrders(config.limits().maxOpenOrders());
        row.setMevEnabled(config.mevProtection().enabled());
        row.setMevSandwichThreshold(config.mevProtection().sandwichProbabilityThreshold());
        row.setMevMaxTipLamports(config.mevProtection().maxTipLamports().toBigInteger());
        row.setMevPrivateSubmission(config.mevProtection().privateSubmission());
        row.setSettings(settingsJson(config));
        row.setVersion(config.version());
        return row;
    }

    private static JSONB settingsJson(TraderConfig config) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(config.settings()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write settings as JSON", e);
        }
    }

    private static TraderConfig toConfig(TraderConfigRecord row) {
        return StoredRows.decode("trader config " + row.getTraderId(), () -> new TraderConfig(
                TraderId.of(row.getTraderId()),
                TradingMode.valueOf(row.getMode()),
                new RiskLimits(TokenAmount.of(row.getMaxPositionLamports()), TokenAmount.of(row.getMaxDailyLossLamports()),
                        row.getMaxSlippageBps(), row.getMaxOpenOrders()),
                new MevProtection(row.getMevEnabled(), row.getMevSandwichThreshold(), TokenAmount.of(row.getMevMaxTipLamports()),
                        row.getMevPrivateSubmission()),
                readSettings(row.getSettings()),
                row.getVersion()));
    }

    /** A row of {@link #COLUMNS}, read by plain JDBC ({@link TraderConfigRead}). */
    static TraderConfig toConfig(ResultSet row) throws SQLException {
        String trader = row.getString(1);
        String mode = row.getString(2);
        BigDecimal maxPosition = row.getBigDecimal(3);
        BigDecimal maxDailyLoss = row.getBigDecimal(4);
        int maxSlippageBps = row.getInt(5);
        int maxOpenOrders = row.getInt(6);
        boolean mevEnabled = row.getBoolean(7);
        double sandwichThreshold = row.getDouble(8);
        BigDecimal maxTip = row.getBigDecimal(9);
        boolean privateSubmission = row.getBoolean(10);
        String settings = row.getString(11);
        long version = row.getLong(12);
        try { // the row is named only on failure, not on every read of the hottest call
            return new TraderConfig(
                    TraderId.of(trader),
                    TradingMode.valueOf(mode),
                    new RiskLimits(TokenAmount.of(lamports(maxPosition)), TokenAmount.of(lamports(maxDailyLoss)), maxSlippageBps, maxOpenOrders),
                    new MevProtection(mevEnabled, sandwichThreshold, TokenAmount.of(lamports(maxTip)), privateSubmission),
                    readSettings(settings),
                    version);
        } catch (RuntimeException e) {
            throw StoredRows.invalid("trader config " + trader, e);
        }
    }

    /** A {@code numeric(20,0)} column as the u64 it holds; a fraction (written outside this adapter) is refused. */
    private static BigInteger lamports(BigDecimal column) {
        return column.toBigIntegerExact();
    }

    private static SortedMap<String, String> readSettings(JSONB json) {
        return SETTINGS.of(json.data());
    }

    private static SortedMap<String, String> readSettings(String json) {
        return SETTINGS.of(json);
    }
}
