package io.soltrade.data.domain;

/** A circuit breaker's state, as RPC node health records it. */
public enum CircuitState {
    CLOSED,
    OPEN,
    HALF_OPEN
}
