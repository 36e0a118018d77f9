package io.soltrade.data.ports;

import java.util.function.Function;

/**
 * The configuration store: tokens, trader configuration, order rules, RPC node health and the audit log.
 */
public interface ConfigStore extends ConfigOperations {

    /**
     * Runs {@code work} as one unit: every change it makes through the given operations is committed together
     * when it returns, or none is if it throws (the exception reaches the caller unchanged if it is a
     * {@link DbException}, wrapped as {@link DbErrorKind#QUERY} otherwise). The operations object must not be
     * used after {@code work} returns.
     */
    <T> T inTransaction(Function<ConfigOperations, T> work);
}
