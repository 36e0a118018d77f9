package io.soltrade.data.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.domain.MevEvent;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.StreamName;
import io.soltrade.data.domain.TimeRange;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.memory.FailurePlan;
import io.soltrade.data.memory.MemoryModule;
import io.soltrade.data.memory.MemorySettings;
import io.soltrade.data.memory.MemoryTradeStore;
import io.soltrade.data.ports.DbErrorKind;
import io.soltrade.data.ports.EventStream;
import io.soltrade.data.ports.MetricsStore;
import io.soltrade.data.ports.MevEventStore;
import io.soltrade.data.ports.PositionStore;
import io.soltrade.data.ports.TradeStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code simulate} on the memory profile, then the stores themselves are read: every count the summary says was
 * acknowledged is what the stores hold.
 */
class SimulateCommandTest {
    private static final TimeRange EVERYTHING = TimeRange.of(Instant.EPOCH, Instant.parse("2200-01-01T00:00:00Z"));
    private static final List<String> METRICS = List.of("sim.trades.per_second", "sim.errors.total", "sim.cache.hit_ratio",
            "sim.port.latency.p99_us", "sim.trader.pnl_usdc");

    @TempDir
    Path dir;

    @Test
    void theSummaryCountsExactlyWhatTheStoresHold() throws IOException {
        Run run = simulate(UnaryOperator.identity(), "--trades", "200");

        assertThat(run.exitCode).isZero();
        JsonNode summary = run.summary();
        assertThat(fieldNames(summary)).containsExactly("acknowledged", "streams", "errors");
        assertThat(fieldNames(summary.get("acknowledged")))
                .containsExactly("trades", "positions", "metrics", "mev_events", "prices", "pool_states", "stream_events");
        assertThat(fieldNames(summary.get("streams"))).containsExactly("stream:price-updates", "stream:trade-events", "stream:ui-events");
        assertThat(summary.get("errors").size()).isZero();
        assertStoresHoldWhatWasAcknowledged(run);
        assertThat(summary.get("acknowledged").get("trades").asLong()).isGreaterThanOrEqualTo(200);
        assertThat(run.stdout).contains("Paper-trading session", "200 attempted", "P&L (USDC)");
    }

    /**
     * The report ends with the session as the stores answer it: candles of every token against USDC (each acknowledged
     * trade in exactly one, so the counts add up to the trades) and realized P&amp;L per day and week (each acknowledged
     * position state is one fill, and a trader's week adds up to the realized P&amp;L the session kept itself).
     */
    @Test
    void theReportPrintsCandlesAndPnlPerPeriodAsTheStoresAnswerThem() throws IOException {
        Run run = simulate(UnaryOperator.identity(), "--trades", "200");

        assertThat(run.stdout).contains("  candles       ", "  P&L per day   ", "  P&L per week  ");
        String candles = run.stdout.substring(run.stdout.indexOf("  candles"), run.stdout.indexOf("  P&L per day"));
        long candleTrades = java.util.regex.Pattern.compile("vwap \\S+\\s+([\\d,]+)\\n").matcher(candles).results()
                .mapToLong(match -> Long.parseLong(match.group(1).replace(",", ""))).sum();
        assertThat(candleTrades).isEqualTo(run.summary().get("acknowledged").get("trades").asLong());

        String weeks = run.stdout.substring(run.stdout.indexOf("  P&L per week"));
        Map<String, String> weeklyRealized = new java.util.HashMap<>();
        long fills = 0;
        for (java.util.regex.MatchResult week : java.util.regex.Pattern
                .compile("(sim-\\S+)\\s+\\d{4}-\\d\\d-\\d\\d\\s+\\d+ positions\\s+(-?[\\d.]+) /\\s+[\\d.]+ /\\s+([\\d,]+)").matcher(weeks).results().toList()) {
            weeklyRealized.merge(week.group(1), week.group(2), (a, b) -> new java.math.BigDecimal(a).add(new java.math.BigDecimal(b)).toPlainString());
            fills += Long.parseLong(week.group(3).replace(",", ""));
        }
        assertThat(fills).isEqualTo(run.summary().get("acknowledged").get("positions").asLong());
        assertThat(weeklyRealized).hasSize(4);
        weeklyRealized.forEach((trader, realized) -> assertThat(run.stdout)
                .as("the realized P&L the session kept for %s", trader).containsPattern(trader + "\\s+total\\s+-?[\\d.]+\\s+realized\\s+" + java.util.regex.Pattern.quote(realized) + "\\s"));
    }

    /**
     * Every third write fails with POOL_EXHAUSTED (a failure that proves nothing was applied, so even appends
     * are retried); with enough attempts and a breaker that only opens at 100% failures, every one is retried
     * away. Desks and lanes share the stores, so a caller's retry may land on another failing call number:
     * twenty attempts make running out (1 in 3^19) practically impossible.
     */
    @Test
    void transientFailuresAreRetriedAndTheSummaryStaysExact() throws IOException {
        Path patient = dir.resolve("patient.conf");
        java.nio.file.Files.writeString(patient, """
                soltrade.resilience.retry { max-attempts = 20, initial-backoff = 1ms, max-backoff = 2ms }
                soltrade.resilience.circuit-breaker.failure-rate-threshold = 100
                """);
        Run run = simulate(settings -> settings.withFailures(FailurePlan.everyNthCall(3, DbErrorKind.POOL_EXHAUSTED).onWritesOnly()),
                "--trades", "150", "--config", patient.toString());

        assertThat(run.exitCode).isZero();
        assertThat(run.summary().get("errors").size()).as("every transient failure was retried away").isZero();
        assertStoresHoldWhatWasAcknowledged(run);
    }

    @Test
    void permanentFailuresAreCountedByKindAndNeverAcknowledged() throws IOException {
        Run failing = simulate(settings -> settings.withFailures(FailurePlan.everyNthCall(4, DbErrorKind.CONSTRAINT).onWritesOnly()),
                "--trades", "150");

        assertThat(failing.exitCode).as("a session with failed calls").isEqualTo(Main.BACKEND_FAILURE);
        assertThat(failing.summary().get("errors").get("CONSTRAINT").asLong()).isPositive();
        assertThat(failing.stdout).containsPattern("  errors        CONSTRAINT [0-9,]+, first: [a-zA-Z.]+: .*simulated");
        assertStoresHoldWhatWasAcknowledged(failing);
        assertThat(failing.summary().get("acknowledged").get("trades").asLong()).isLessThan(150);
    }

    @Test
    void theSummarySaysWhereAndHowLongTheSessionRanAndExplainsItsCounts() {
        Run run = simulate(settings -> settings, "--trades", "40");

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout)
                .containsPattern("Paper-trading session [0-9a-z]+: [0-9.]+ s, ran to the end of its plan")
                .contains("  profile       memory\n", "  servers       memory in this process\n")
                .containsPattern("  trades        40 attempted \\([0-9,]+/s, on the desks' signals; sells that order rules trigger come on top\\), "
                        + "[0-9]+ acknowledged \\(stored; a failed save counts under errors\\)")
                .contains("(each stream's total length at the end, earlier sessions included)")
                .contains("p50 / p99 / max in ms")
                .containsPattern("trades\\.save +[0-9,]+  [0-9]+\\.[0-9]{3} / [0-9]+\\.[0-9]{3} / [0-9]+\\.[0-9]{3}\n")
                .containsPattern("costs: network fees -?[0-9.]+, price impact [0-9.]+, transfer fees [0-9.]+; sandwich losses [0-9.]+")
                .doesNotContain("µs", "PT");
    }

    @Test
    void aSeedReplaysTheMarketWithIdsOfItsOwn() {
        Run first = simulate(settings -> settings, "--duration", "1s");
        Run second = simulate(settings -> settings, "--duration", "1s");

        assertThat(sessionId(first)).isNotEqualTo(sessionId(second));
        List<String> firstPrices = priceUpdates(first);
        List<String> secondPrices = priceUpdates(second);
        int common = Math.min(firstPrices.size(), secondPrices.size());
        assertThat(common).as("price ticks in both runs").isGreaterThan(10);
        assertThat(secondPrices.subList(0, common)).isEqualTo(firstPrices.subList(0, common));
    }

    private static String sessionId(Run run) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("Paper-trading session ([0-9a-z]+):").matcher(run.stdout);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** Every quote on the price stream, symbol and price, oldest first. */
    private static List<String> priceUpdates(Run run) {
        EventStream streams = run.data.get().adapter(Backend.MEMORY, EventStream.class);
        return streams.read(StreamName.PRICE_UPDATES, io.soltrade.data.ports.StreamEntryId.ZERO, 10_000, java.time.Duration.ZERO).entries().stream()
                .map(entry -> ((io.soltrade.data.domain.PriceUpdateEvent) entry.event()).quote())
                .map(quote -> quote.symbol() + "=" + quote.price().toPlainString()).toList();
    }

    private void assertStoresHoldWhatWasAcknowledged(Run run) throws IOException {
        JsonNode acknowledged = run.summary().get("acknowledged");
        DataLayer memory = run.data.get();
        TradeStore trades = memory.adapter(Backend.MEMORY, MemoryTradeStore.class).withFailure(FailurePlan.never());
        List<Trade> stored = trades.findBetween(EVERYTHING, 10_000);
        assertThat(stored).hasSize(acknowledged.get("trades").asInt());

        PositionStore positions = memory.adapter(Backend.MEMORY, PositionStore.class);
        Set<TraderId> traders = new HashSet<>();
        Set<Pubkey> tokens = new HashSet<>();
        stored.forEach(trade -> {
            traders.add(trade.trader());
            tokens.add(trade.token());
        });
        long positionStates = 0;
        for (TraderId trader : traders) {
            for (Pubkey token : tokens) {
                positionStates += positions.history(trader, TradingMode.PAPER, token, EVERYTHING, 10_000).size();
            }
        }
        assertThat(positionStates).isEqualTo(acknowledged.get("positions").asLong());

        MetricsStore metrics = memory.adapter(Backend.MEMORY, MetricsStore.class);
        long points = METRICS.stream().mapToLong(name -> metrics.find(name, Map.of(), EVERYTHING, 10_000).size()).sum();
        assertThat(points).isEqualTo(acknowledged.get("metrics").asLong());

        List<MevEvent> mevEvents = memory.adapter(Backend.MEMORY, MevEventStore.class).findBetween(EVERYTHING, 10_000);
        assertThat(mevEvents).hasSize(acknowledged.get("mev_events").asInt());

        EventStream streams = memory.adapter(Backend.MEMORY, EventStream.class);
        long entries = 0;
        for (StreamName stream : StreamName.values()) {
            long length = streams.length(stream);
            assertThat(run.summary().get("streams").get(stream.key()).asLong()).isEqualTo(length);
            entries += length;
        }
        assertThat(entries).as("fresh streams far below their cap hold every acknowledged event").isEqualTo(acknowledged.get("stream_events").asLong());
        assertThat(acknowledged.get("prices").asLong()).isPositive().isEqualTo(acknowledged.get("pool_states").asLong());
    }

    private Run simulate(UnaryOperator<MemorySettings> memorySettings, String... options) {
        AtomicReference<DataLayer> created = new AtomicReference<>();
        Main main = new Main((config, meters) -> {
            DataLayer data = DataLayer.builder(config).meters(meters)
                    .module(Backend.MEMORY, new MemoryModule(memorySettings.apply(MemorySettings.defaults()))).start();
            created.set(data);
            return data;
        });
        Path json = dir.resolve("summary-" + System.nanoTime() + ".json");
        List<String> args = new ArrayList<>(List.of("simulate", "--trade-rate", "2000", "--price-rate", "50", "--no-progress", "--seed", "42",
                "--summary-json", json.toString()));
        args.addAll(List.of(options));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(main);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args.toArray(String[]::new));
        return new Run(exitCode, out.toString(), err.toString(), json, created);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private record Run(int exitCode, String stdout, String stderr, Path json, AtomicReference<DataLayer> data) {
        JsonNode summary() throws IOException {
            return new ObjectMapper().readTree(json.toFile());
        }
    }
}
