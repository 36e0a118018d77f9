package io.soltrade.data.cli.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.app.config.DataLayerConfig;
import io.soltrade.data.domain.MevStatus;
import io.soltrade.data.domain.PaperTradeId;
import io.soltrade.data.domain.PriceQuote;
import io.soltrade.data.domain.PriceUpdateEvent;
import io.soltrade.data.domain.QuoteTokens;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.TokenSymbol;
import io.soltrade.data.domain.Trade;
import io.soltrade.data.domain.TradeEvent;
import io.soltrade.data.domain.TradeSide;
import io.soltrade.data.domain.TraderId;
import io.soltrade.data.domain.TradingMode;
import io.soltrade.data.ports.FeedChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live view over HTTP on a memory data layer: the page's files, its event stream, and a page that stops reading. */
class LiveViewTest {
    private static final int PAGE_BUFFER = 64;

    private final HttpClient client = HttpClient.newBuilder().executor(Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "live-view-test-client");
        thread.setDaemon(true);
        return thread;
    })).build();
    private final DataLayer data = DataLayer.create(DataLayerConfig.inMemory());
    private final LiveView live = new LiveView(data, Clock.systemUTC(), PAGE_BUFFER);
    private final HttpServer server = start(live);

    private static HttpServer start(LiveView live) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", live.page());
            server.createContext("/events", live.events());
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        live.close();
        server.stop(0);
        data.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the event stream and collects its lines on a thread of the client's. */
    private List<String> openEvents() {
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                client.sendAsync(HttpRequest.newBuilder(uri("/events")).build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(lines::add));
        return lines;
    }

    @Test
    void thePageComesFromTheJarAndOtherPathsAreNotFound() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<script src=\"live.js\"></script>", "id=\"prices-panel\"")
                .doesNotContain("http://", "https://");
        assertThat(get("/live.js").body()).contains("new EventSource('events')");
        assertThat(get("/live.css").statusCode()).isEqualTo(200);
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
        assertThat(get("/events-and-more").statusCode()).isEqualTo(404);
        assertThat(client.send(HttpRequest.newBuilder(uri("/")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    }

    @Test
    void tradesPricesHealthAndSystemFiguresReachAnOpenPage() {
        List<String> lines = openEvents();
        Trade trade = new Trade(new PaperTradeId("live-1"), Instant.now(), TraderId.of("trader-1"), TradingMode.PAPER, TradeSide.BUY,
                QuoteTokens.USDC, QuoteTokens.SOL, TokenAmount.of(150_000_000), TokenAmount.of(1_000_000_000), TokenAmount.of(5_000),
                new BigDecimal("150"), 1, MevStatus.SUSPECTED);
        data.trades().save(trade);
        data.streams().publish(new TradeEvent(trade));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PriceUpdateEvent tick = new PriceUpdateEvent(new PriceQuote(TokenSymbol.of("SOL"), new BigDecimal("150.5"), 2, Instant.now(), "test"));
            data.streams().publish(tick);
            data.feed().publish(FeedChannel.prices(TokenSymbol.of("SOL")), tick);
            assertThat(String.join("\n", lines)).contains("event: hello", "event: health", "event: system", "event: positions",
                    "\"id\":\"paper:live-1\"", "\"mev\":\"SUSPECTED\"", "event: price", "\"price\":\"150.5\"");
        });
    }

    @Test
    void aPageThatStopsReadingIsDroppedWhileAnotherKeepsUp() throws Exception {
        List<String> lines = openEvents();
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4_096);
            stalled.connect(server.getAddress());
            OutputStream request = stalled.getOutputStream();
            request.write("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            request.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> live.openPages() == 2);
            String filler = "x".repeat(64 * 1_024);

            // More than the kernel's socket buffers hold and then the page's buffer: the stalled page's writer blocks
            // on its socket and its buffer overflows, while the reading page gets every event. Publishing never waits.
            int events = 400;
            assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
                for (int i = 0; i < events; i++) {
                    live.broadcast().publish(new PageEvent("bulk", "bulk:" + i, "{\"i\":" + i + ",\"filler\":\"" + filler + "\"}"));
                    String expected = "data: {\"i\":" + i + ",";
                    if (i % 16 == 15) {
                        await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(line -> line.startsWith(expected)));
                    }
                }
            });

            assertThat(live.broadcast().dropped()).isEqualTo(1);
            assertThat(live.openPages()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().filter(line -> line.startsWith("data: {\"i\":")).count() == events);
        }
    }
}
