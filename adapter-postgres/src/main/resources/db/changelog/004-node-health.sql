--liquibase formatted sql

--changeset soltrade:004-node-health
--comment: The latest check per RPC node, and every check kept for history (keyed by node and time, so a
--comment: recorded check written twice is stored once). latency is kept in nanoseconds, as java.time.Duration.
CREATE TABLE node_health (
    node_id        text        NOT NULL,
    endpoint       text        NOT NULL,
    latency_nanos  bigint      NOT NULL,
    slot_lag       bigint      NOT NULL,
    error_count    bigint      NOT NULL,
    circuit        text        NOT NULL,
    checked_at     timestamptz NOT NULL,
    CONSTRAINT node_health_pk PRIMARY KEY (node_id),
    CONSTRAINT node_health_node_format CHECK (node_id ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
    CONSTRAINT node_health_endpoint_url CHECK (endpoint ~ '^(https?|wss?)://' AND char_length(endpoint) <= 512),
    CONSTRAINT node_health_counts_not_negative CHECK (latency_nanos >= 0 AND slot_lag >= 0 AND error_count >= 0),
    CONSTRAINT node_health_circuit_known CHECK (circuit IN ('CLOSED', 'OPEN', 'HALF_OPEN'))
);
CREATE TABLE node_health_history (
    node_id        text        NOT NULL,
    endpoint       text        NOT NULL,
    latency_nanos  bigint      NOT NULL,
    slot_lag       bigint      NOT NULL,
    error_count    bigint      NOT NULL,
    circuit        text        NOT NULL,
    checked_at     timestamptz NOT NULL,
    CONSTRAINT node_health_history_pk PRIMARY KEY (node_id, checked_at),
    CONSTRAINT node_health_history_node_format CHECK (node_id ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
    CONSTRAINT node_health_history_endpoint_url CHECK (endpoint ~ '^(https?|wss?)://' AND char_length(endpoint) <= 512),
    CONSTRAINT node_health_history_counts_not_negative CHECK (latency_nanos >= 0 AND slot_lag >= 0 AND error_count >= 0),
    CONSTRAINT node_health_history_circuit_known CHECK (circuit IN ('CLOSED', 'OPEN', 'HALF_OPEN'))
);
--rollback DROP TABLE node_health_history;
--rollback DROP TABLE node_health;
