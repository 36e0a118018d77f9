package io.soltrade.data.cli.live;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open page's {@code text/event-stream} response, written by a thread of its own from the page's
 * {@link ClientBuffer}: whatever waits is written in one chunk, a comment keeps an idle connection alive. A socket
 * that does not drain blocks this thread only; the buffer overflows meanwhile and the broadcast drops the page. The
 * response ends when the page goes away, the buffer closes (the page fell behind, or the server stops), and the
 * page's {@code EventSource} reconnects after {@value #RETRY_MILLIS} ms.
 */
final class PageStream implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PageStream.class);
    static final long RETRY_MILLIS = 1_000;
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

    private final HttpExchange exchange;
    private final ClientBuffer buffer;
    private final PageBroadcast broadcast;

    PageStream(HttpExchange exchange, ClientBuffer buffer, PageBroadcast broadcast) {
        this.exchange = exchange;
        this.buffer = buffer;
        this.broadcast = broadcast;
    }

    /** Sends the response headers; the body follows from {@link #run()}. */
    void begin() throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
    }

    @Override
    public void run() {
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            out.write(("retry: " + RETRY_MILLIS + "\n\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(8_192);
            while (true) {
                List<PageEvent> events = buffer.take(KEEP_ALIVE);
                if (buffer.isClosed() && events.isEmpty()) {
                    break;
                }
                chunk.reset();
                if (events.isEmpty()) {
                    chunk.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                }
                for (PageEvent event : events) {
                    chunk.write(event.wireFormat());
                }
                chunk.writeTo(out);
                out.flush();
            }
            LOG.debug("page {} closed{}", exchange.getRemoteAddress(), buffer.overflowed() ? " (fell behind)" : "");
        } catch (IOException e) {
            LOG.debug("page {} went away: {}", exchange.getRemoteAddress(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            broadcast.close(buffer);
        }
    }
}
