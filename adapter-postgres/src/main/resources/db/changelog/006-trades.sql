--liquibase formatted sql

--changeset soltrade:006-trades
--comment: PostgresTradeStore's table. trade_id is the natural key (<signature>:<index> or paper:<client id>), so a
--comment: retried batch adds nothing (INSERT ... ON CONFLICT DO NOTHING). token is the traded token, derived from
--comment: side by the database itself so it can never disagree with the row. The text CHECKs use '^[class]+$' plus
--comment: char_length, not '[class]{m,n}': PostgreSQL's regex engine expands a bounded repeat into many states, which
--comment: made the CHECKs cost ten times more per row on a 100k-row batch.
CREATE TABLE trades (
    trade_id     text            NOT NULL,
    executed_at  timestamptz     NOT NULL,
    trader_id    text            NOT NULL,
    mode         text            NOT NULL,
    side         text            NOT NULL,
    token_in     text            NOT NULL,
    token_out    text            NOT NULL,
    amount_in    numeric(20, 0)  NOT NULL,
    amount_out   numeric(20, 0)  NOT NULL,
    fee          numeric(20, 0)  NOT NULL,
    price        numeric(38, 18) NOT NULL,
    slot         bigint          NOT NULL,
    mev_status   text            NOT NULL,
    token        text            GENERATED ALWAYS AS (CASE WHEN side = 'BUY' THEN token_out ELSE token_in END) STORED,
    CONSTRAINT trades_pk PRIMARY KEY (trade_id),
    CONSTRAINT trades_id_format CHECK (CASE WHEN trade_id LIKE 'paper:%'
        THEN char_length(trade_id) <= 70 AND trade_id ~ '^paper:[A-Za-z0-9_-]+$'
        ELSE trade_id ~ '^[1-9A-HJ-NP-Za-km-z]+:[0-9]+$' AND char_length(split_part(trade_id, ':', 1)) BETWEEN 64 AND 88
             AND char_length(split_part(trade_id, ':', 2)) <= 3 END),
    CONSTRAINT trades_executed_in_range CHECK (executed_at BETWEEN '1970-01-01T00:00:00Z' AND '2261-12-31T23:59:59.999999Z'),
    CONSTRAINT trades_trader_format CHECK (trader_id ~ '^[A-Za-z0-9_.-]+$' AND char_length(trader_id) <= 64),
    CONSTRAINT trades_mode_known CHECK (mode IN ('PAPER', 'LIVE')),
    CONSTRAINT trades_side_known CHECK (side IN ('BUY', 'SELL')),
    CONSTRAINT trades_tokens_base58 CHECK (token_in ~ '^[1-9A-HJ-NP-Za-km-z]+$' AND char_length(token_in) BETWEEN 32 AND 44
                                           AND token_out ~ '^[1-9A-HJ-NP-Za-km-z]+$' AND char_length(token_out) BETWEEN 32 AND 44),
    CONSTRAINT trades_two_tokens CHECK (token_in <> token_out),
    CONSTRAINT trades_amounts_u64 CHECK (amount_in > 0 AND amount_in <= 18446744073709551615
                                         AND amount_out > 0 AND amount_out <= 18446744073709551615),
    CONSTRAINT trades_fee_u64 CHECK (fee BETWEEN 0 AND 18446744073709551615),
    CONSTRAINT trades_price_positive CHECK (price > 0),
    CONSTRAINT trades_slot_not_negative CHECK (slot >= 0),
    CONSTRAINT trades_mev_status_known CHECK (mev_status IN ('NONE', 'PROTECTED', 'SUSPECTED', 'SANDWICHED')),
    CONSTRAINT trades_live_on_chain CHECK (mode = 'PAPER' OR trade_id NOT LIKE 'paper:%')
);
--rollback DROP TABLE trades;

--changeset soltrade:006-trades-indexes
--comment: findByToken reads one token newest first; findBetween reads a time range oldest first. trade_id (the tie
--comment: breaker of both orders) stays out of the keys: rows sharing a microsecond are few, sorting them is cheap, and
--comment: narrower keys make every batch insert cheaper.
CREATE INDEX trades_by_token ON trades (token, executed_at DESC);
CREATE INDEX trades_by_time ON trades (executed_at);
--rollback DROP INDEX trades_by_time;
--rollback DROP INDEX trades_by_token;
