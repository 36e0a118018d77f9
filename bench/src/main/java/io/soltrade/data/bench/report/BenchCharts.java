package io.soltrade.data.bench.report;

import io.soltrade.data.bench.measure.BenchResult;
import io.soltrade.data.bench.measure.Goal;
import io.soltrade.data.bench.measure.LatencyProfile;
import io.soltrade.data.bench.measure.MetricKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws the run's PNG charts with JFreeChart, headless: every ratio against the goal, throughput ours vs raw, and
 * one latency-percentile chart per comparison. Values spanning decades (0.1 ms to 100 ms, 1k to 1M rows/s) are on
 * log axes, with the figure printed on each bar.
 */
public final class BenchCharts {
    static final String RATIOS = "ratios.png";
    static final String THROUGHPUT = "throughput.png";
    private static final Color OURS = new Color(0x1f, 0x77, 0xb4);
    private static final Color RAW = new Color(0x9a, 0x9a, 0x9a);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private BenchCharts() {
    }

    /** Writes every chart into {@code directory} and returns their file names, in the order to show them. */
    public static List<String> write(Path directory, List<BenchResult> results, List<LatencyProfile> profiles) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> written = new ArrayList<>();
        List<BenchResult> measured = results.stream().filter(BenchResult::isMeasured).toList();
        if (!measured.isEmpty()) {
            save(ratios(measured), directory, RATIOS, 1000, 140 + 22 * measured.size(), written);
        }
        List<BenchResult> throughput = measured.stream().filter(row -> row.kind() == MetricKind.THROUGHPUT).toList();
        if (!throughput.isEmpty()) {
            save(throughput(throughput), directory, THROUGHPUT, 1000, 160 + 50 * throughput.size(), written);
        }
        for (LatencyProfile profile : profiles) {
            save(latency(profile), directory, "latency-" + profile.id() + ".png", 800, 450, written);
        }
        return written;
    }

    private static void save(JFreeChart chart, Path directory, String name, int width, int height, List<String> written) throws IOException {
        ChartUtils.saveChartAsPNG(directory.resolve(name).toFile(), chart, width, height);
        written.add(name);
    }

    private static JFreeChart ratios(List<BenchResult> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BenchResult row : rows) {
            data.addValue(row.ratio(), "ratio", row.scenario() + " " + row.metric());
        }
        JFreeChart chart = ChartFactory.createBarChart("ours vs raw client (higher is better, 1.0 = as good as raw)", null,
                "ratio", data, PlotOrientation.HORIZONTAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        double top = Math.max(1.2, rows.stream().mapToDouble(BenchResult::ratio).max().orElse(1) * 1.1);
        ((NumberAxis) plot.getRangeAxis()).setRange(0, top);
        plot.addRangeMarker(marker(Goal.MIN_RATIO, "goal " + Goal.MIN_RATIO + " ", new Color(0xd6, 0x27, 0x28),
                RectangleAnchor.TOP_LEFT, TextAnchor.TOP_RIGHT));
        plot.addRangeMarker(marker(1.0, " raw = 1.0", Color.DARK_GRAY, RectangleAnchor.TOP_RIGHT, TextAnchor.TOP_LEFT));
        style(plot, "0.00");
        plot.getDomainAxis().setTickLabelFont(LABEL_FONT);
        return chart;
    }

    private static JFreeChart throughput(List<BenchResult> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BenchResult row : rows) {
            String category = row.scenario() + " (" + row.unit() + ")";
            data.addValue(row.ours(), "ours", category);
            data.addValue(row.raw(), "raw client", category);
        }
        JFreeChart chart = ChartFactory.createBarChart("throughput, ours vs raw client", null, "items per second (log scale)",
                data, PlotOrientation.HORIZONTAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        double smallest = rows.stream().mapToDouble(row -> Math.min(row.ours(), row.raw())).min().orElse(1);
        double largest = rows.stream().mapToDouble(row -> Math.max(row.ours(), row.raw())).max().orElse(10);
        logAxis(plot, "items per second (log scale)", smallest, largest);
        style(plot, "#,##0");
        plot.getDomainAxis().setTickLabelFont(LABEL_FONT);
        return chart;
    }

    private static JFreeChart latency(LatencyProfile profile) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<String, Double> entry : profile.ours().entrySet()) {
            data.addValue(entry.getValue(), "ours", entry.getKey());
            data.addValue(profile.raw().get(entry.getKey()), "raw client", entry.getKey());
        }
        JFreeChart chart = ChartFactory.createBarChart(profile.id() + ": " + profile.title(), "percentile", "ms (log scale)",
                data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        double smallest = Math.min(min(profile.ours()), min(profile.raw()));
        double largest = Math.max(max(profile.ours()), max(profile.raw()));
        logAxis(plot, "ms (log scale)", smallest, largest);
        style(plot, "0.###");
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        return chart;
    }

    private static void logAxis(CategoryPlot plot, String label, double smallest, double largest) {
        LogAxis axis = new LogAxis(label);
        double lower = Math.pow(10, Math.floor(Math.log10(smallest)));
        double upper = Math.pow(10, Math.ceil(Math.log10(largest * 1.5)));
        axis.setRange(lower, upper);
        axis.setSmallestValue(lower);
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.####"));
        axis.setTickUnit(new NumberTickUnit(1.0), false, true);
        axis.setMinorTickMarksVisible(true);
        plot.setRangeAxis(axis);
        ((BarRenderer) plot.getRenderer()).setBase(lower);
    }

    private static void style(CategoryPlot plot, String figureFormat) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setMaximumCategoryLabelWidthRatio(0.45f);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, OURS);
        renderer.setSeriesPaint(1, RAW);
        renderer.setItemMargin(0.05);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat(figureFormat)));
        renderer.setDefaultItemLabelFont(LABEL_FONT);
        renderer.setDefaultItemLabelsVisible(true);
    }

    private static ValueMarker marker(double value, String label, Color color, RectangleAnchor anchor, TextAnchor textAnchor) {
        ValueMarker marker = new ValueMarker(value, color, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        marker.setLabel(label);
        marker.setLabelFont(LABEL_FONT);
        marker.setLabelPaint(color);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        marker.setLabelAnchor(anchor);
        marker.setLabelTextAnchor(textAnchor);
        return marker;
    }

    private static double min(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).min().orElse(1);
    }

    private static double max(Map<String, Double> values) {
        return values.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    }
}
