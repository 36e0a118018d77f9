package io.soltrade.data.questdb;

import io.questdb.client.Sender;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The real transport: ILP over HTTP through the client's {@link Sender}. HTTP because the server answers
 * every request after commit, with an error per request when it rejects a row; over TCP a rejected row only
 * closes the connection, and nothing tells which rows were committed.
 *
 * <p>Two connections (a {@code Sender} each) take turns: while the writer sends one request, callers encode the rows
 * that arrive into the other ({@link #open}), so the next request is ready the moment the first is acknowledged.
 * Idle connections wait in a pool of at most {@value #IDLE_CONNECTIONS}; only the writer thread creates one (creating
 * one may connect, and must never hold up a caller).
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
    private static final int IDLE_CONNECTIONS = 2;

    /** Makes an endpoint ready for writes (applies the schema there); throws if it cannot. */
    @FunctionalInterface
    interface EndpointPreparer {
        void prepare(int endpoint);
    }

    /** A sender and the endpoint it talks to. */
    private record Connection(Sender sender, int endpoint, SenderRowSink sink) {
        Connection(Sender sender, int endpoint) {
            this(sender, endpoint, new SenderRowSink(sender));
        }
    }

    private record Open(Connection connection, String table) implements OpenRequest {
        @Override
        public RowSink sink() {
            return connection.sink();
        }

        @Override
        public void discard() {
            closeQuietly(connection);
        }
    }

    private final QuestDbEndpoints endpoints;
    private final EndpointPreparer preparer;
    /** Written by the writer thread only. */
    private final boolean[] prepared;
    /** Guarded by {@code this}. */
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

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
        Connection connection = take();
        try {
            for (Submission<?> submission : submissions) {
                submission.encodeTo(connection.sink());
            }
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw IlpFailure.ofEncoding(e);
        }
        flush(connection);
    }

    @Override
    public synchronized OpenRequest open(String table) {
        int endpoint = endpoints.current();
        while (!closed && !idle.isEmpty()) {
            Connection connection = idle.pollFirst();
            if (connection.endpoint() == endpoint) {
                return new Open(connection, table);
            }
            closeQuietly(connection); // the writer moved to another endpoint: follow
        }
        return null;
    }

    @Override
    public void send(OpenRequest request, String table, List<Submission<?>> submissions) throws IlpFailure {
        Connection connection = ((Open) request).connection();
        if (connection.endpoint() != endpoints.current()) {
            closeQuietly(connection); // encoded for an endpoint no longer in use
            send(table, submissions);
            return;
        }
        flush(connection);
    }

    private void flush(Connection connection) throws IlpFailure {
        try {
            connection.sender().flush();
        } catch (RuntimeException e) {
            closeQuietly(connection);
            IlpFailure failure = IlpFailure.ofRequest(e);
            if (!failure.permanent()) {
                endpoints.failed(connection.endpoint()); // no answer, or a 5xx: the next attempt goes to the next endpoint
            }
            throw failure;
        }
        release(connection);
    }

    /** An idle connection to the endpoint in use, or a new one (applying the schema there first if it is new to us). */
    private Connection take() throws IlpFailure {
        int endpoint = endpoints.current();
        synchronized (this) {
            while (!idle.isEmpty()) {
                Connection connection = idle.pollFirst();
                if (connection.endpoint() == endpoint) {
                    return connection;
                }
                closeQuietly(connection);
            }
        }
        try {
            if (!prepared[endpoint]) {
                preparer.prepare(endpoint);
                prepared[endpoint] = true;
            }
            return new Connection(Sender.fromConfig(endpoints.clientConfiguration(endpoint)), endpoint);
        } catch (RuntimeException e) {
            endpoints.failed(endpoint);
            throw IlpFailure.ofConnect(e);
        }
    }

    private synchronized void release(Connection connection) {
        if (closed || idle.size() >= IDLE_CONNECTIONS) {
            closeQuietly(connection);
        } else {
            idle.addLast(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.sender().reset(); // drop what it holds: close() would flush it
            connection.sender().close();
        } catch (RuntimeException ignored) {
            // the sender is being thrown away; its close cannot lose our rows (the writer keeps its own copy)
        }
    }

    /** Closes the idle connections; one lent to an open request is closed when that request is sent or discarded. */
    @Override
    public synchronized void close() {
        closed = true;
        while (!idle.isEmpty()) {
            closeQuietly(idle.pollFirst());
        }
    }
}
