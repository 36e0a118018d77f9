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
 *
 * <p>With several endpoints ({@link QuestDbEndpoints}) requests go to the one in use; a request that fails without
 * an answer rejecting it (no connection, a timeout, a 5xx) moves the next attempt to the next endpoint. Before its first
 * request to an endpoint the transport has it {@link EndpointPreparer prepared} (the schema applied there), so rows
 * never land in a table QuestDB would create by itself, without DEDUP keys.
 */
final class HttpIlpTransport implements IlpTransport {
    /** Makes an endpoint ready for writes (applies the schema there); throws if it cannot. */
    @FunctionalInterface
    interface EndpointPreparer {
        void prepare(int endpoint);
    }

    private final QuestDbEndpoints endpoints;
    private final EndpointPreparer preparer;
    private final boolean[] prepared;
    private Sender sender;
    private int senderEndpoint = -1;

    /** @param clientConfiguration e.g. {@code http::addr=127.0.0.1:9000;auto_flush=off;retry_timeout=0;} */
    HttpIlpTransport(String clientConfiguration) {
        this(QuestDbEndpoints.of(clientConfiguration), endpoint -> { });
    }

    /** @param preparer run before the first request to each endpoint, when there are several */
    HttpIlpTransport(QuestDbEndpoints endpoints, EndpointPreparer preparer) {
        this.endpoints = endpoints;
        this.preparer = preparer;
        this.prepared = new boolean[endpoints.size()];
        this.prepared[0] = endpoints.size() == 1; // one endpoint: the module applied the schema through the pool
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
            int endpoint = senderEndpoint;
            discard();
            IlpFailure failure = IlpFailure.ofRequest(e);
            if (!failure.permanent()) {
                endpoints.failed(endpoint); // no answer, or a 5xx: the next attempt goes to the next endpoint
            }
            throw failure;
        }
    }

    private Sender open() throws IlpFailure {
        int endpoint = endpoints.current();
        if (sender != null && senderEndpoint != endpoint) {
            discard(); // the reads' side moved on (or another failure did): follow
        }
        if (sender == null) {
            try {
                if (!prepared[endpoint]) {
                    preparer.prepare(endpoint);
                    prepared[endpoint] = true;
                }
                sender = Sender.fromConfig(endpoints.clientConfiguration(endpoint));
                senderEndpoint = endpoint;
            } catch (RuntimeException e) {
                endpoints.failed(endpoint);
                throw IlpFailure.ofConnect(e);
            }
        }
        return sender;
    }

    private void discard() {
        Sender failed = sender;
        sender = null;
        senderEndpoint = -1;
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
