package io.soltrade.data.postgres;

import static io.soltrade.data.postgres.schema.Tables.TRADER_CONFIG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.domain.MevProtection;
import io.soltrade.data.domain.RiskLimits;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TraderConfig;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.postgres.schema.tables.records.TraderConfigRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** The {@code trader_config} table. {@code version} is the optimistic lock; the SQL never decides a conflict alone. */
final class TraderConfigRows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> SETTINGS = new TypeReference<>() {};

    private TraderConfigRows() {}

    static Optional<TraderConfig> find(DSLContext dsl, TraderId trader, boolean lockForUpdate) {
        var query = dsl.selectFrom(TRADER_CONFIG).where(TRADER_CONFIG.TRADER_ID.eq(trader.value()));
        return Optional.ofNullable(lockForUpdate ? query.forUpdate().fetchOne() : query.fetchOne()).map(TraderConfigRows::toConfig);
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

    private static TreeMap<String, String> readSettings(JSONB json) {
        try {
            return JSON.readValue(json.data(), SETTINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("settings are not a JSON object of strings: " + e.getOriginalMessage(), e);
        }
    }
}
