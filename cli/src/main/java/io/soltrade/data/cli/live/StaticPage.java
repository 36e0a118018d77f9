package io.soltrade.data.cli.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The page's files, from the jar ({@code io/soltrade/data/cli/live/page/}): {@code /} is {@code index.html}, and
 * {@code /live.js}, {@code /live.css} what it loads. Nothing comes from elsewhere, so the page works offline. Any
 * other path is 404; methods other than GET and HEAD are 405.
 */
final class StaticPage implements HttpHandler {
    private static final String ROOT = "page/";
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/live.js", "live.js",
            "/live.css", "live.css");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8");

    private final Map<String, byte[]> contents;

    StaticPage() {
        contents = new java.util.HashMap<>();
        for (String file : new java.util.TreeSet<>(FILES.values())) {
            try (InputStream in = StaticPage.class.getResourceAsStream(ROOT + file)) {
                if (in == null) {
                    throw new IllegalStateException("the live view's " + file + " is missing from the jar");
                }
                contents.put(file, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String file = FILES.get(exchange.getRequestURI().getPath());
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
            } else if (file == null) {
                send(exchange, 404, "text/plain; charset=utf-8", ("not found: " + exchange.getRequestURI().getPath() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                exchange.getResponseHeaders().set("Cache-Control", "no-cache");
                send(exchange, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), contents.get(file));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
