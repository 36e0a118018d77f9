package io.soltrade.example.host;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.DataLayerModule;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.HealthCheck;
import io.soltrade.data.ports.HealthReport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A host application that embeds the data layer: {@code java HostApplication [profile]} (default {@code local}:
 * QuestDB, PostgreSQL and Redis on 127.0.0.1, or where the {@code SOLTRADE_*} variables say). It saves three paper
 * trades through its own {@link TradeJournal}, reads them back, prints its backends' health, and closes the data
 * layer. Its only dependency is {@code io.soltrade:soltrade-app}; it brings no logging backend of its own, so SLF4J
 * reports none and the data layer's log lines go nowhere.
 */
public final class HostApplication {
    private static final Pubkey USDC = Pubkey.of("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");
    private static final Pubkey SOL = Pubkey.of("So11111111111111111111111111111111111111112");

    private HostApplication() {}

    public static void main(String[] args) {
        DataLayerConfig config = DataLayerConfig.load(args.length > 0 ? args[0] : "local", Optional.empty());
        Injector injector = Guice.createInjector(new DataLayerModule(config));
        try (DataLayer data = injector.getInstance(DataLayer.class)) {
            TradeJournal journal = injector.getInstance(TradeJournal.class);
            TraderId trader = TraderId.of("host-" + UUID.randomUUID().toString().substring(0, 8));
            Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);
            for (int n = 1; n <= 3; n++) {
                journal.record(buy(trader, start.plusMillis(n), n));
            }
            List<Trade> read = journal.tradesOf(trader, TimeRange.of(start, start.plusSeconds(1)));
            System.out.println("saved 3 trades, read back " + read.size() + " for " + trader.value());

            for (HealthCheck check : injector.getInstance(Key.get(new TypeLiteral<Set<HealthCheck>>() {}))) {
                HealthReport report = check.check();
                System.out.println("health " + report.backend() + " " + report.state());
            }
        }
    }

    private static Trade buy(TraderId trader, Instant at, int n) {
        return new Trade(new PaperTradeId(trader.value() + "-" + n), at, trader, TradingMode.PAPER, TradeSide.BUY, USDC, SOL,
                TokenAmount.of(150_000_000L), TokenAmount.of(1_000_000_000L), TokenAmount.of(5_000), new BigDecimal("150"), 300_000_000L + n,
                MevStatus.NONE);
    }
}
