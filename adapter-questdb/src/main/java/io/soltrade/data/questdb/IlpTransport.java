package io.soltrade.data.questdb;

import java.util.List;

/**
 * Sends rows to QuestDB and reports when the server has committed them. The batch writer's only view of the
 * network, so its queueing and retry logic is tested against a scripted double.
 *
 * <p>Two ways to send. {@link #send(String, List)} encodes the rows and sends them (the writer's thread does both).
 * {@link #open} lends a request that callers' threads encode rows into as they arrive, while another request is in
 * flight; the writer then only sends it ({@link #send(OpenRequest, String, List)}): group commit without the encoding
 * in series with the round trip.
 *
 * <p>Thread-safety: {@link #open} may be called from any thread; an open request is used by one thread at a time (the
 * submission buffer's lock hands it over); {@link #send} is called from the writer thread only. After a failure the
 * transport holds nothing of the failed request; the caller sends its own copy again.
 */
interface IlpTransport extends AutoCloseable {

    /**
     * Sends every row of {@code submissions} (all of table {@code table}) as one request, and returns once
     * the server acknowledged it after commit. One request to one table is one transaction: all rows or none.
     */
    void send(String table, List<Submission<?>> submissions) throws IlpFailure;

    /**
     * A request of {@code table} to encode rows into before it is sent, or null when none is ready without waiting (no
     * idle connection): never blocks, never connects. The rows are then encoded when sent.
     */
    OpenRequest open(String table);

    /**
     * Sends an open request holding exactly the rows of {@code submissions}, and returns once the server acknowledged
     * it; the request is done with either way. Where it can no longer go as encoded (the endpoint in use changed since),
     * the rows are encoded again and sent as by {@link #send(String, List)}.
     */
    void send(OpenRequest request, String table, List<Submission<?>> submissions) throws IlpFailure;

    @Override
    void close();

    /** A request being filled: rows are encoded into {@link #sink()} in the order they are to be committed. */
    interface OpenRequest {
        String table();

        RowSink sink();

        /** Drops the request unsent (its connection is closed: a half-encoded row cannot leak into another request). */
        void discard();
    }
}
