package io.soltrade.data.cli.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.soltrade.data.app.DataLayer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live view of a data layer in the browser: {@link #page()} serves the page at {@code /}, {@link #events()} its
 * Server-Sent Events at {@code /events}. The port readers start when the first page opens, so a server nobody watches
 * reads nothing, and run until {@link #close()}. Each open page has a bounded buffer of its own and a writer thread;
 * at most {@value #MAX_PAGES} pages are open at once (then 503).
 */
public final class LiveView implements AutoCloseable {
    static final int MAX_PAGES = 16;
    /** Keys a page's buffer holds: the snapshot (about 10 types x {@value #RETAINED_PER_TYPE}) and some seconds of live events. */
    static final int PAGE_BUFFER = 2_048;
    static final int RETAINED_PER_TYPE = 64;

    private final PageBroadcast broadcast;
    private final PortReaders readers;
    private final StaticPage page = new StaticPage();
    private final AtomicInteger pagesOpened = new AtomicInteger();

    public LiveView(DataLayer data) {
        this(data, Clock.systemUTC(), PAGE_BUFFER);
    }

    LiveView(DataLayer data, Clock clock, int pageBuffer) {
        TokenDirectory tokens = new TokenDirectory(data.configStore());
        PageEvents events = new PageEvents(tokens::label);
        PortReaders[] started = new PortReaders[1];
        this.broadcast = new PageBroadcast(pageBuffer, MAX_PAGES, RETAINED_PER_TYPE, () -> started[0].start());
        this.readers = new PortReaders(data, events, broadcast, tokens, clock);
        started[0] = readers;
    }

    /** {@code GET /}, {@code /live.js}, {@code /live.css}; 404 for any other path under the context it is bound to. */
    public HttpHandler page() {
        return page;
    }

    /** {@code GET /events}: the page's {@code text/event-stream}. */
    public HttpHandler events() {
        return this::openStream;
    }

    private void openStream(HttpExchange exchange) throws IOException {
        if (!"/events".equals(exchange.getRequestURI().getPath())) {
            reject(exchange, 404, "not found: " + exchange.getRequestURI().getPath() + "\n");
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            reject(exchange, 405, "method not allowed\n");
            return;
        }
        Optional<ClientBuffer> buffer = broadcast.open();
        if (buffer.isEmpty()) {
            reject(exchange, 503, MAX_PAGES + " pages are open already\n");
            return;
        }
        PageStream stream = new PageStream(exchange, buffer.get(), broadcast);
        try {
            stream.begin();
        } catch (IOException | RuntimeException e) {
            broadcast.close(buffer.get());
            exchange.close();
            throw e;
        }
        // The response outlives this handler: the HTTP server's threads stay free for /health and /metrics.
        Thread writer = new Thread(stream, "live-view-page-" + pagesOpened.incrementAndGet());
        writer.setDaemon(true);
        writer.start();
    }

    private static void reject(HttpExchange exchange, int status, String message) throws IOException {
        try (exchange) {
            byte[] body = message.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    PageBroadcast broadcast() {
        return broadcast;
    }

    /** Pages open now. */
    public int openPages() {
        return broadcast.openPages();
    }

    /** Stops the port readers and ends every page's stream (a page's {@code EventSource} then retries until the server is gone). */
    @Override
    public void close() {
        readers.close();
        broadcast.closeAll();
    }
}
