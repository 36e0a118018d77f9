-- V002: quote tokens, commitment, one row per trade id, positions that outlive retention, MEV events linked to trades.
-- Every statement is idempotent (IF NOT EXISTS, WHERE ... IS NULL, DEDUP upserts), so a second process migrating
-- at the same time, or a run cut short and repeated, changes nothing twice.

-- trades: the commitment of each trade (rows written before it are FINALIZED), its quote token (the side it was
-- priced in, derived for old rows exactly as Trade.quote() does), and id_bucket: the first 4 hex digits of
-- md5(trade_id), an indexed SYMBOL of at most 65,536 values. The store looks a batch's ids up through it before
-- writing, so a trade id is written once whatever its timestamp (DEDUP keys must hold the designated timestamp, so
-- DEDUP alone cannot). superseded marks rows that older versions let in under an id already stored at an
-- earlier time (the migration runner marks them right after this file); every read skips them.
ALTER TABLE trades ADD COLUMN IF NOT EXISTS commitment SYMBOL CAPACITY 8 NOCACHE;
ALTER TABLE trades ADD COLUMN IF NOT EXISTS quote SYMBOL;
ALTER TABLE trades ADD COLUMN IF NOT EXISTS id_bucket SYMBOL CAPACITY 65536 NOCACHE;
ALTER TABLE trades ADD COLUMN IF NOT EXISTS superseded BOOLEAN;
UPDATE trades SET commitment = 'FINALIZED' WHERE commitment IS NULL;
UPDATE trades SET quote = CASE WHEN side = 'BUY' THEN token_in ELSE token_out END WHERE quote IS NULL;
UPDATE trades SET id_bucket = left(md5(trade_id), 4) WHERE id_bucket IS NULL;
-- Indexed only now: QuestDB 9.3 does not index values an UPDATE writes into an indexed column, while ADD INDEX
-- indexes what the column holds (and is a no-op on a column already indexed).
ALTER TABLE trades ALTER COLUMN id_bucket ADD INDEX;

-- positions: keyed per quote token from now on; every position stored so far was priced in USDC.
ALTER TABLE positions ADD COLUMN IF NOT EXISTS quote SYMBOL;
UPDATE positions SET quote = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' WHERE quote IS NULL;
ALTER TABLE positions DEDUP ENABLE UPSERT KEYS(ts, trader, mode, token, quote);

-- position_days: the last state of each position on each UTC day it changed (ts = that day's midnight,
-- updated_at = the state's time). No TTL: the current state of a position that has not moved for months is its
-- newest row here after positions' 30-day TTL has dropped its history, and per-period P&L reads day ends from here.
-- One row per position per active day, so it grows with positions x active days, not with fills.
CREATE TABLE IF NOT EXISTS position_days (
    ts TIMESTAMP,
    updated_at TIMESTAMP,
    trader SYMBOL,
    mode SYMBOL CAPACITY 8 NOCACHE,
    token SYMBOL,
    quote SYMBOL,
    quantity DECIMAL(38, 18),
    average_entry_price DECIMAL(38, 18),
    realized_pnl DECIMAL(38, 18),
    fees_paid DECIMAL(38, 18),
    fill_count LONG
) TIMESTAMP(ts) PARTITION BY MONTH WAL
DEDUP UPSERT KEYS(ts, trader, mode, token, quote);

-- The day ends of the history still held (last() follows timestamp order, so write order does not matter).
INSERT INTO position_days (ts, updated_at, trader, mode, token, quote, quantity, average_entry_price, realized_pnl, fees_paid, fill_count)
SELECT ts, last(state_ts), trader, mode, token, quote, last(quantity), last(average_entry_price), last(realized_pnl), last(fees_paid), last(fill_count)
FROM (SELECT ts, ts AS state_ts, trader, mode, token, quote, quantity, average_entry_price, realized_pnl, fees_paid, fill_count FROM positions)
SAMPLE BY 1d;

-- mev_events: the trade an assessment is about (MevEvent.tradeId), absent for events stored before.
ALTER TABLE mev_events ADD COLUMN IF NOT EXISTS trade_id VARCHAR;
