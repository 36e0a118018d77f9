package io.soltrade.data.questdb;

import io.questdb.client.Sender;
import java.util.List;

/**
 * The real transport: ILP over HTTP through the client's {@link Sender}. HTTP because the server answers
 * every request after commit, with an error per request when it rejects a row; over TCP a rejected row only
 * closes the connection, and nothing tells which rows were committed.
 *
 * <p>After any failure the sender is closed and a new one is made for the next attempt, so no state of a
 * failed request (buffered rows, a half-written row, a broken connection) carries over.
 */
final class HttpIlpTransport implements IlpTransport {
    private final String clientConfiguration;
    private Sender sender;

    /** @param clientConfiguration e.g. {@code http::addr=127.0.0.1:9000;auto_flush=off;retry_timeout=0;} */
    HttpIlpTransport(String clientConfiguration) {
        this.clientConfiguration = clientConfiguration;
    }

    @Override
    public void send(String table, List<Submission<?>> submissions) throws IlpFailure {
        Sender current = open();
        SenderRowSink sink = new SenderRowSink(current);
        try {
            for (Submission<?> submission : submissions) {
                submission.encodeTo(sink);
            }
        } catch (RuntimeException e) {
            discard();
            throw IlpFailure.ofEncoding(e);
        }
        try {
            current.flush();
        } catch (RuntimeException e) {
            discard();
            throw IlpFailure.ofRequest(e);
        }
    }

    private Sender open() throws IlpFailure {
        if (sender == null) {
            try {
                sender = Sender.fromConfig(clientConfiguration);
            } catch (RuntimeException e) {
                throw IlpFailure.ofConnect(e);
            }
        }
        return sender;
    }

    private void discard() {
        Sender failed = sender;
        sender = null;
        if (failed != null) {
            try {
                failed.reset();
                failed.close();
            } catch (RuntimeException ignored) {
                // the sender is being thrown away because it failed; its close cannot lose our rows
            }
        }
    }

    @Override
    public void close() {
        discard();
    }
}
