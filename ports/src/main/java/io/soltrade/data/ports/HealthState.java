package io.soltrade.data.ports;

public enum HealthState {
    UP,
    /** Answering, but something needs attention (a suspended table, a growing lag, a nearly full pool). */
    DEGRADED,
    DOWN
}
