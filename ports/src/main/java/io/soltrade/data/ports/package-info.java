/**
 * The ports of soltrade-data: what the trading platform asks of its stores, with no technology in sight.
 *
 * <h2>Guarantees every adapter keeps</h2>
 * <ul>
 *   <li><b>Durable on return.</b> A synchronous write returns only when the write is durable in its store
 *       (committed, or acknowledged by the server after commit). An {@code ...Async} write returns at once and
 *       its future completes when the write is durable, or exceptionally with a {@link io.soltrade.data.ports.DbException}.</li>
 *   <li><b>Batches are all-or-nothing</b> from the caller's point of view: either the call returns and every item
 *       is durable, or it throws and the caller retries the whole batch.</li>
 *   <li><b>Writes are idempotent</b> by the value's natural key (a trade's id, a metric's name, labels and time,
 *       ...): writing the same value twice stores it once, so a retry after an ambiguous failure is safe.</li>
 *   <li><b>Read your writes.</b> A query sees every write that was acknowledged before the query started. An adapter
 *       that serves some reads from replicas keeps this for the writes acknowledged through the same store object;
 *       writes acknowledged through other objects (other processes) reach those reads within the replication lag.
 *       Which reads those may be is stated per port ({@link io.soltrade.data.ports.ConfigOperations}).</li>
 *   <li><b>Bad input fails before I/O</b> with a {@link io.soltrade.data.ports.PermanentDbException} of kind
 *       {@code INVALID_INPUT}; nothing is written and the connection stays usable.</li>
 *   <li><b>Errors are typed.</b> Ports throw only {@link io.soltrade.data.ports.DbException}; transient failures are
 *       {@link io.soltrade.data.ports.TransientDbException} and safe to retry for idempotent calls.</li>
 *   <li><b>Thread-safe.</b> Every implementation may be called from many threads at once.</li>
 * </ul>
 */
package io.soltrade.data.ports;
