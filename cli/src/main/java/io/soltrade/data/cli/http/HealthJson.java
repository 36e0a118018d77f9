package io.soltrade.data.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health reports as JSON, the body of {@code /health} and {@code health --json}:
 * {@code {"status": "UP|DEGRADED|DOWN", "backends": [{"backend", "state", "latency_ms", "details", "error"}]}}.
 * The overall status is the worst backend's.
 */
public final class HealthJson {
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

    public static String render(List<HealthReport> reports) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", overall(reports).name());
        document.put("backends", reports.stream().map(HealthJson::backend).toList());
        try {
            return JSON.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> backend(HealthReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("backend", report.backend());
        out.put("state", report.state().name());
        out.put("latency_ms", report.latency().toNanos() / 1e6);
        out.put("details", report.details());
        report.error().ifPresent(error -> out.put("error", error));
        return out;
    }
}
