package io.soltrade.data.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.Backend;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.Pubkey;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.memory.FailurePlan;
import io.soltrade.data.memory.MemoryModule;
import io.soltrade.data.memory.MemorySettings;
import io.soltrade.data.memory.MemoryTradeStore;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataLayerHttpServerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DataLayer data = DataLayer.builder(DataLayerConfig.inMemory()).meters(registry)
            .module(Backend.MEMORY, new MemoryModule(MemorySettings.defaults())).start();
    private final DataLayerHttpServer server = new DataLayerHttpServer(data, registry, 0);

    @AfterEach
    void stop() {
        server.close();
        data.close();
    }

    @Test
    void healthAnswers200WithEachBackendAsJson() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).contains("\"status\" : \"UP\"", "\"backend\" : \"memory\"", "\"circuit\" : \"CLOSED\"");
    }

    @Test
    void healthAnswers503WhenABackendIsDown() throws Exception {
        data.adapter(Backend.MEMORY, MemoryTradeStore.class).withFailure(FailurePlan.alwaysTransient());

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"status\" : \"DOWN\"");
    }

    @Test
    void metricsAnswerPrometheusTextWithCallLatenciesBreakersRetriesAndCaches() throws Exception {
        data.trades().save(aTrade());
        data.prices().get(io.soltrade.data.domain.TokenSymbol.of("SOL"));

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("soltrade_port_calls_seconds_bucket{backend=\"memory\"", "operation=\"save\"", "port=\"trades\"")
                .contains("resilience4j_circuitbreaker_state{", "resilience4j_retry_calls")
                .contains("soltrade_cache_misses_total{cache=\"prices\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/healthz", "/metricsABC", "/health/x", "/metrics/", "/favicon.ico", "/eventsX", "/live.jsx"}) // "/" is the live view
    void anUnknownPathIs404(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("not found: " + path + "\n");
    }

    @Test
    void healthDetailsCarryNumbersAsNumbersAndNameTheServer() throws Exception {
        JsonNode backend = new ObjectMapper().readTree(get("/health").body()).get("backends").get(0);

        assertThat(backend.get("server").asText()).isEqualTo("in this process");
        assertThat(backend.get("latency_ms").isNumber()).isTrue();
        assertThat(backend.get("details").get("circuit_failure_rate").isNumber()).as(backend.toString()).isTrue();
        assertThat(backend.get("details").get("circuit").isTextual()).isTrue();
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/health")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void theServerListensOnLoopbackOnly() {
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    }

    private static Trade aTrade() {
        return new Trade(new PaperTradeId("t-1"), Instant.parse("2025-01-02T03:04:05Z"), TraderId.of("trader-1"), TradingMode.PAPER,
                TradeSide.BUY, Pubkey.of("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"), Pubkey.of("So11111111111111111111111111111111111111112"),
                TokenAmount.of(150_000_000L), TokenAmount.of(1_000_000_000L), TokenAmount.of(5_000), new BigDecimal("150"), 300_000_001L,
                MevStatus.NONE);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
