package io.soltrade.data.domain;

/** An order rule's life: active until it triggers once or is cancelled; both ends are final. */
public enum OrderRuleStatus {
    ACTIVE,
    TRIGGERED,
    CANCELLED
}
