--liquibase formatted sql

--changeset soltrade:003-order-rules
--comment: trigger_price is the stop price, the target price or the trailing stop's high-water mark, by kind.
--comment: A rule is ACTIVE with no closed_at, or TRIGGERED/CANCELLED with one: the only move is ACTIVE -> closed,
--comment: made by UPDATE ... WHERE status = 'ACTIVE', which is what makes a trigger exactly-once.
CREATE TABLE order_rules (
    id             uuid           NOT NULL,
    trader_id      text           NOT NULL,
    token          text           NOT NULL,
    kind           text           NOT NULL,
    trigger_price  numeric(38, 18) NOT NULL,
    trail_bps      integer,
    quantity       numeric(20, 0) NOT NULL,
    status         text           NOT NULL,
    created_at     timestamptz    NOT NULL,
    closed_at      timestamptz,
    CONSTRAINT order_rules_pk PRIMARY KEY (id),
    CONSTRAINT order_rules_trader_fk FOREIGN KEY (trader_id) REFERENCES trader_config (trader_id),
    CONSTRAINT order_rules_token_fk FOREIGN KEY (token) REFERENCES tokens (mint),
    CONSTRAINT order_rules_kind_known CHECK (kind IN ('STOP_LOSS', 'TAKE_PROFIT', 'TRAILING_STOP')),
    CONSTRAINT order_rules_price_positive CHECK (trigger_price > 0),
    CONSTRAINT order_rules_trail_range CHECK (trail_bps BETWEEN 1 AND 9999),
    CONSTRAINT order_rules_trail_only_trailing CHECK ((kind = 'TRAILING_STOP') = (trail_bps IS NOT NULL)),
    CONSTRAINT order_rules_quantity_u64 CHECK (quantity > 0 AND quantity <= 18446744073709551615),
    CONSTRAINT order_rules_status_known CHECK (status IN ('ACTIVE', 'TRIGGERED', 'CANCELLED')),
    CONSTRAINT order_rules_closed_iff_not_active CHECK ((status = 'ACTIVE') = (closed_at IS NULL)),
    CONSTRAINT order_rules_closed_after_created CHECK (closed_at >= created_at)
);
--rollback DROP TABLE order_rules;

--changeset soltrade:003-order-rules-indexes
--comment: The price loop asks for the active rules of one token; closed rules pile up and are never asked for there.
CREATE INDEX order_rules_active_by_token ON order_rules (token, created_at, id) WHERE status = 'ACTIVE';
CREATE INDEX order_rules_by_trader ON order_rules (trader_id, created_at, id);
--rollback DROP INDEX order_rules_by_trader;
--rollback DROP INDEX order_rules_active_by_token;
