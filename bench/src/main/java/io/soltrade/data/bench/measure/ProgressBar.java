package io.soltrade.data.bench.measure;

import io.soltrade.data.bench.scenario.Scenarios;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress bar on stderr: one line per scenario, redrawn in place ({@code \r}) at most ten times a second,
 * ended with the scenario's one-line summary. Scenarios add the steps they plan (each round of each side is a
 * step), so the bar fills evenly however many comparisons a scenario runs. Not thread-safe: the run drives it
 * from one thread.
 */
public final class ProgressBar {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private String label = "";
    private int total;
    private int done;
    private long lastDrawNanos;
    private int lastLength;

    public ProgressBar(PrintStream out) {
        this.out = out;
    }

    public void start(String scenarioLabel) {
        label = scenarioLabel;
        total = 0;
        done = 0;
        lastDrawNanos = 0;
        draw("starting", true);
    }

    void addSteps(int steps) {
        total += steps;
    }

    void advance(String phase) {
        done++;
        draw(phase, done >= total);
    }

    /** Ends the scenario's line with {@code summary}. */
    public void finish(String summary) {
        String line = String.format(Locale.ROOT, "%-34s %s", label, summary);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())) + System.lineSeparator());
        out.flush();
        lastLength = 0;
    }

    private void draw(String phase, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        int filled = total == 0 ? 0 : Math.min(WIDTH, done * WIDTH / total);
        int percent = total == 0 ? 0 : Math.min(100, done * 100 / total);
        String line = String.format(Locale.ROOT, "%-34s [%s%s] %3d%% %s", label, "#".repeat(filled), "-".repeat(WIDTH - filled), percent, phase);
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }
}
