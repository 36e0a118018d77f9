package io.soltrade.data.cli.simulator;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The live line on stderr while a session runs: elapsed time, trade rate, what was acknowledged, p99 latency of
 * the hottest writes, errors. On a terminal it rewrites one line every second; otherwise (a pipe, a CI log)
 * it prints a new line every five seconds.
 */
final class ProgressLine implements AutoCloseable {
    private static final String[] WATCHED = {"trades.save", "positions.save", "prices.putAll", "streams.publish"};

    private final PrintWriter err;
    private final SessionTally tally;
    private final PaperTradingSession session;
    private final boolean terminal;
    private final ScheduledExecutorService timer;
    private long lastTrades;
    private double lastSeconds;
    private int width;

    ProgressLine(PrintWriter err, SessionTally tally, PaperTradingSession session, boolean terminal) {
        this.err = err;
        this.tally = tally;
        this.session = session;
        this.terminal = terminal;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "simulate-progress");
            thread.setDaemon(true);
            return thread;
        });
        long period = terminal ? 1 : 5;
        timer.scheduleAtFixedRate(this::print, period, period, TimeUnit.SECONDS);
    }

    private synchronized void print() {
        String line = line();
        if (terminal) {
            err.print('\r' + line + " ".repeat(Math.max(0, width - line.length())));
            width = line.length();
        } else {
            err.println(line);
        }
        err.flush();
    }

    String line() {
        double seconds = session.elapsedSeconds();
        long trades = session.tradesAttempted();
        double rate = seconds > lastSeconds ? (trades - lastTrades) / (seconds - lastSeconds) : 0;
        lastTrades = trades;
        lastSeconds = seconds;
        StringBuilder line = new StringBuilder(String.format("[%6.1fs] %,d trades (%,.0f/s)", seconds, trades, rate));
        line.append(String.format(" | acked: trades %,d positions %,d prices %,d pools %,d stream %,d mev %,d metrics %,d",
                tally.acknowledged(Acknowledged.TRADES), tally.acknowledged(Acknowledged.POSITIONS), tally.acknowledged(Acknowledged.PRICES),
                tally.acknowledged(Acknowledged.POOL_STATES), tally.acknowledged(Acknowledged.STREAM_EVENTS),
                tally.acknowledged(Acknowledged.MEV_EVENTS), tally.acknowledged(Acknowledged.METRICS)));
        Map<String, Histogram> latencies = tally.latencies();
        line.append(" | p99");
        for (String operation : WATCHED) {
            Histogram histogram = latencies.get(operation);
            if (histogram != null) {
                line.append(' ').append(operation).append(' ').append(SessionReport.micros(histogram.getValueAtPercentile(99)));
            }
        }
        line.append(" | errors ").append(tally.errorCount());
        return line.toString();
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (terminal && width > 0) {
            err.println();
            err.flush();
        }
    }
}
