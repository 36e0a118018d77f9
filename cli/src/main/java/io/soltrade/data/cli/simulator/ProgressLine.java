package io.soltrade.data.cli.simulator;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The live line on stderr while a session runs, within 80 columns: elapsed time, trades and their rate, trades
 * acknowledged, p99 latency of a trade save, errors. On a terminal it rewrites one line every second; otherwise (a pipe, a CI log)
 * it prints a new line every five seconds.
 */
final class ProgressLine implements AutoCloseable {
    /** Fits an 80-column terminal with the cursor after it. */
    static final int WIDTH = 79;

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

    /**
     * One line of at most {@value #WIDTH} characters: {@code [  12.0s] 1,204 trades 100/s | acked 1,204 | p99 save 0.912 ms |
     * errors 0}; the summary at the end has every count.
     */
    String line() {
        double seconds = session.elapsedSeconds();
        long trades = session.tradesAttempted();
        double rate = seconds > lastSeconds ? (trades - lastTrades) / (seconds - lastSeconds) : 0;
        lastTrades = trades;
        lastSeconds = seconds;
        Histogram saves = tally.latencies().get("trades.save");
        String line = String.format(java.util.Locale.ROOT, "[%6.1fs] %,d trades %,.0f/s | acked %,d | p99 save %s ms | errors %,d", seconds,
                trades, rate, tally.acknowledged(Acknowledged.TRADES), saves == null ? "-" : SessionReport.millis(saves.getValueAtPercentile(99)),
                tally.errorCount());
        return line.length() <= WIDTH ? line : line.substring(0, WIDTH - 1) + "~";
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
