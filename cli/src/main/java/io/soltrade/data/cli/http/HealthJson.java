package io.soltrade.data.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health reports as JSON, the body of {@code /health} and {@code health --json}:
 * {@code {"status": "UP|DEGRADED|DOWN", "backends": [{"backend", "state", "server", "latency_ms", "details", "error"}]}}.
 * The overall status is the worst backend's.
 */
public final class HealthJson {
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final BigDecimal LONG_LIMIT = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HealthJson() {}

    public static HealthState overall(List<HealthReport> reports) {
        HealthState worst = HealthState.UP;
        for (HealthReport report : reports) {
            if (report.state().ordinal() > worst.ordinal()) {
                worst = report.state();
            }
        }
        return worst;
    }

    /** The reports alone, as {@link #render(List, DataLayerConfig)} without the servers. */
    public static String render(List<HealthReport> reports) {
        return render(reports, null);
    }

    /**
     * The reports, each with the server its backend is connected to (credentials masked) when {@code config} is given;
     * details that are numbers ({@code "circuit_failure_rate": 12.5}) are JSON numbers.
     */
    public static String render(List<HealthReport> reports, DataLayerConfig config) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", overall(reports).name());
        document.put("backends", reports.stream().map(report -> backend(report, config)).toList());
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The masked address of the backend a report is about, or {@code "unknown"} for a backend the configuration does not name. */
    public static String server(DataLayerConfig config, String backend) {
        return java.util.Arrays.stream(Backend.values()).filter(b -> b.key().equals(backend)).findFirst().map(config::address).orElse("unknown");
    }

    private static Map<String, Object> backend(HealthReport report, DataLayerConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backend", report.backend());
        out.put("state", report.state().name());
        if (config != null) {
            out.put("server", server(config, report.backend()));
        }
        out.put("latency_ms", report.latency().toNanos() / 1e6);
        Map<String, Object> details = new LinkedHashMap<>();
        report.details().forEach((key, value) -> details.put(key, typed(value)));
        out.put("details", details);
        report.error().ifPresent(error -> out.put("error", error));
        return out;
    }

    /** A detail as a JSON number when it is one ({@code 12}, {@code 0.5}), else as its text. */
    private static Object typed(String value) {
        if (NUMBER.matcher(value).matches()) {
            BigDecimal number = new BigDecimal(value);
            return number.scale() <= 0 && number.abs().compareTo(LONG_LIMIT) < 0 ? (Object) number.longValueExact() : number;
        }
        return value;
    }
}
