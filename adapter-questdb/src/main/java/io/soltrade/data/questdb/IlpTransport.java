package io.soltrade.data.questdb;

import java.util.List;

/**
 * Sends rows to QuestDB and reports when the server has committed them. The batch writer's only view of the
 * network, so its queueing and retry logic is tested against a scripted double.
 *
 * <p>Not thread-safe: one writer thread owns a transport. After a failure the transport holds nothing of the
 * failed request; the caller sends its own copy again.
 */
interface IlpTransport extends AutoCloseable {

    /**
     * Sends every row of {@code submissions} (all of table {@code table}) as one request, and returns once
     * the server acknowledged it after commit. One request to one table is one transaction: all rows or none.
     */
    void send(String table, List<Submission<?>> submissions) throws IlpFailure;

    @Override
    void close();
}
