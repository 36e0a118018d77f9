-- soltrade-data QuestDB schema. Applied at start-up when QuestDbSettings.applySchema is on; every statement
-- is idempotent (CREATE TABLE IF NOT EXISTS), so applying it again is a no-op.
--
-- All four tables: WAL (concurrent ILP writers, DEDUP), one partition per day, partitions dropped 30 days
-- behind the newest row (capped by the wall clock), DEDUP UPSERT KEYS = designated timestamp + natural key
-- so a retried batch replaces its own rows instead of adding copies.
--
-- Amounts: token amounts are u64 base units and go into DECIMAL(20,0): every value 0 .. 2^64-1 fits exactly
-- and SQL sums them exactly (sum() of DECIMAL(20,0) is DECIMAL(76,0)). A LONG holding the u64 bits was
-- rejected: QuestDB reads Long.MIN_VALUE (the bits of 2^63) as NULL, and SQL would sum the bits as signed.
-- Prices, quantities and P&L are DECIMAL(38,18), the one exact decimal shape of the domain (ExactDecimal).

CREATE TABLE IF NOT EXISTS trades (
    ts TIMESTAMP,
    trade_id VARCHAR,
    trader SYMBOL,
    mode SYMBOL CAPACITY 8 NOCACHE,
    side SYMBOL CAPACITY 8 NOCACHE,
    token SYMBOL,
    token_in SYMBOL,
    token_out SYMBOL,
    mev_status SYMBOL CAPACITY 8 NOCACHE,
    amount_in DECIMAL(20, 0),
    amount_out DECIMAL(20, 0),
    fee DECIMAL(20, 0),
    price DECIMAL(38, 18),
    slot LONG
) TIMESTAMP(ts) PARTITION BY DAY TTL 30 DAYS WAL
DEDUP UPSERT KEYS(ts, trade_id);

CREATE TABLE IF NOT EXISTS positions (
    ts TIMESTAMP,
    trader SYMBOL,
    mode SYMBOL CAPACITY 8 NOCACHE,
    token SYMBOL,
    quantity DECIMAL(38, 18),
    average_entry_price DECIMAL(38, 18),
    realized_pnl DECIMAL(38, 18),
    fees_paid DECIMAL(38, 18),
    fill_count LONG
) TIMESTAMP(ts) PARTITION BY DAY TTL 30 DAYS WAL
DEDUP UPSERT KEYS(ts, trader, mode, token);

CREATE TABLE IF NOT EXISTS metrics (
    ts TIMESTAMP,
    name SYMBOL,
    labels VARCHAR,
    value DOUBLE
) TIMESTAMP(ts) PARTITION BY DAY TTL 30 DAYS WAL
DEDUP UPSERT KEYS(ts, name, labels);

CREATE TABLE IF NOT EXISTS mev_events (
    ts TIMESTAMP,
    event_id VARCHAR,
    trader SYMBOL,
    token SYMBOL,
    outcome SYMBOL CAPACITY 8 NOCACHE,
    victim_signature VARCHAR,
    sandwich_probability DOUBLE,
    predicted_loss DECIMAL(20, 0),
    actual_loss DECIMAL(20, 0)
) TIMESTAMP(ts) PARTITION BY DAY TTL 30 DAYS WAL
DEDUP UPSERT KEYS(ts, event_id);
