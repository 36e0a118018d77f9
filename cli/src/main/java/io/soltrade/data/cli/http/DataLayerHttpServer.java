package io.soltrade.data.cli.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.soltrade.data.app.DataLayer;
import io.soltrade.data.cli.live.LiveView;
import io.soltrade.data.ports.HealthReport;
import io.soltrade.data.ports.HealthState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator endpoints of {@code serve}, on the loopback interface only (put a proxy in front to expose
 * them): {@code GET /health} answers the backends' health as JSON, 200 unless one is DOWN (then 503);
 * {@code GET /metrics} answers Prometheus text from the meter registry the data layer reports to; {@code GET /} is the
 * live view ({@link LiveView}: the page, and its events at {@code /events}).
 */
public final class DataLayerHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataLayerHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final LiveView live;

    public DataLayerHttpServer(DataLayer data, PrometheusMeterRegistry registry, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "http-endpoint");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        // The live view: its page at / (which answers 404 for any path that is not one of its files) and its events.
        live = new LiveView(data);
        server.createContext("/", live.page());
        server.createContext("/events", live.events());
        server.createContext("/health", exchange -> {
            if (allowed(exchange)) {
                List<HealthReport> reports = data.health();
                int status = HealthJson.overall(reports) == HealthState.DOWN ? 503 : 200;
                respond(exchange, status, "application/json", HealthJson.render(reports));
            }
        });
        server.createContext("/metrics", exchange -> {
            if (allowed(exchange)) {
                respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    private static boolean allowed(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().add("Allow", "GET, HEAD");
            respond(exchange, 405, "text/plain", "method not allowed\n");
            return false;
        }
        return true;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            throw e;
        }
    }

    @Override
    public void close() {
        live.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
