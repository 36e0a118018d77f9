package io.soltrade.data.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.soltrade.data.memory.FailurePlan;
import io.soltrade.data.memory.MemoryModule;
import io.soltrade.data.memory.MemorySettings;
import io.soltrade.data.memory.MemoryTradeStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataLayerHttpServerTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DataLayer data = DataLayer.create(DataLayerConfig.defaults(), registry,
            backend -> new MemoryModule(MemorySettings.defaults()));
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
        data.injector(Backend.MEMORY).getInstance(MemoryTradeStore.class).withFailure(FailurePlan.alwaysTransient());

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"status\" : \"DOWN\"");
    }

    @Test
    void metricsAnswerPrometheusTextWithCallLatenciesBreakersRetriesAndCaches() throws Exception {
        data.trades().save(Samples.trade(1));
        data.prices().get(io.soltrade.data.domain.TokenSymbol.of("SOL"));

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("soltrade_port_calls_seconds_bucket{backend=\"memory\"", "operation=\"save\"", "port=\"trades\"")
                .contains("resilience4j_circuitbreaker_state{", "resilience4j_retry_calls")
                .contains("soltrade_cache_misses_total{cache=\"prices\"}");
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

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
