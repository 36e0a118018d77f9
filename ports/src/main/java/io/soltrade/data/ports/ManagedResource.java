package io.soltrade.data.ports;

/**
 * A resource an adapter owns (a connection pool, a batch writer) that the host closes at shutdown. Each
 * adapter's Guice module contributes its resources to a {@code Set<ManagedResource>} multibinding; the host
 * closes them in reverse order of registration. An adapter with several resources closes them in its own
 * order (a batch writer before the pool it writes through).
 *
 * <p>{@link #close()} flushes what can be flushed within the adapter's deadline and throws a
 * {@link PermanentDbException} of kind {@link DbErrorKind#CLOSED} that says exactly what it could not deliver.
 */
public interface ManagedResource extends AutoCloseable {

    /** What this is, for logs: e.g. {@code questdb batch writer}. */
    String name();

    @Override
    void close();
}
