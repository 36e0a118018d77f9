-- Every query the QuestDB adapter runs over PG wire, by name. Parameters are always bound, never spliced.
-- Timestamps are bound as UTC LocalDateTime (QuestDB TIMESTAMP has no zone); ranges are half-open [from, to).
-- Fragments ({{name}}) and per-interval queries ({{interval}}) are expanded from this file alone when it is read.

-- intervals: 1s 5s 15s 30s 1m 5m 15m 30m 1h 4h 12h 1d

-- name: wal.status
SELECT suspended, writerTxn, sequencerTxn, errorMessage FROM wal_tables() WHERE name = ?;

-- name: wal.all
SELECT name, suspended, writerTxn, sequencerTxn FROM wal_tables();

-- ---- schema history (SchemaApplier)

-- name: schema.createHistory
CREATE TABLE IF NOT EXISTS soltrade_schema_history (version INT, name VARCHAR, checksum VARCHAR, applied_at TIMESTAMP);

-- Read only (migrate --dry-run): whether the history exists, without creating it.
-- name: schema.historyExists
SELECT count() FROM tables() WHERE table_name = ?;

-- name: schema.applied
SELECT version, name, checksum FROM soltrade_schema_history ORDER BY version;

-- name: schema.record
INSERT INTO soltrade_schema_history (version, name, checksum, applied_at) VALUES (?, ?, ?, now());

-- Rows stored under an id already stored at an earlier time (before V002 a re-save at another time added one).
-- name: schema.laterRowsOfAnId
SELECT trade_id, ts FROM (
  SELECT trade_id, ts, row_number() OVER (PARTITION BY trade_id ORDER BY ts) AS occurrence FROM trades
) WHERE occurrence > 1;

-- name: schema.markSuperseded
UPDATE trades SET superseded = true WHERE ts = ? AND trade_id = ?;

-- ---- trades: one row per trade_id (TradeIntake looks ids up before writing); superseded rows are legacy copies

-- fragment: trade.columns
ts, trade_id, trader, mode, side, token_in, token_out, mev_status, amount_in, amount_out, fee, price, slot, commitment

-- name: trades.byId
SELECT {{trade.columns}} FROM trades WHERE id_bucket = ? AND trade_id = ? AND superseded = false LIMIT 1;

-- The same without the bucket index: confirms a miss of trades.byId (the index can lag just-applied rows).
-- name: trades.byIdWithoutIndex
SELECT {{trade.columns}} FROM trades WHERE trade_id = ? AND superseded = false LIMIT 1;

-- Which of up to 256 ids are stored: the id_bucket index narrows every partition to the rows of those buckets.
-- Unused slots bind an empty bucket and id, which match nothing.
-- name: trades.storedIds
SELECT trade_id FROM trades WHERE id_bucket IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  AND trade_id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);

-- The start-up scan of every stored id (TradeIntake's KnownTradeIds): keyset pages in timestamp order.
-- name: trades.firstTs
SELECT min(ts) AS first_ts FROM trades;

-- name: trades.idsFrom
SELECT ts, trade_id FROM trades WHERE ts >= ? ORDER BY ts LIMIT ?;

-- name: trades.idsAt
SELECT trade_id FROM trades WHERE ts = ?;

-- name: trades.byToken
SELECT {{trade.columns}} FROM trades WHERE token = ? AND superseded = false ORDER BY ts DESC, trade_id DESC LIMIT ?;

-- name: trades.between
SELECT {{trade.columns}} FROM trades WHERE ts >= ? AND ts < ? AND superseded = false ORDER BY ts, trade_id LIMIT ?;

-- A trader's page, newest first, after a keyset cursor (ts, trade_id). Slots: (all modes, mode), four commitment
-- levels (unused ones bind ''), (no cursor, cursor ts, cursor ts, cursor id), limit.
-- name: trades.byTrader
SELECT {{trade.columns}} FROM trades
WHERE trader = ? AND superseded = false AND (? OR mode = ?) AND commitment IN (?, ?, ?, ?)
  AND (? OR ts < ? OR (ts = ? AND trade_id < ?))
ORDER BY ts DESC, trade_id DESC LIMIT ?;

-- The close an empty interval is filled with when a range starts quiet: the last counted trade before it.
-- name: trades.lastPriceBefore
SELECT price FROM trades
WHERE token = ? AND quote = ? AND commitment IN (?, ?, ?, ?) AND superseded = false AND ts < ?
ORDER BY ts DESC, trade_id DESC LIMIT 1;

-- OHLCV per interval. first()/last() follow timestamp order; volumes are exact sums of DECIMAL(20,0)
-- (DECIMAL(76,0)), notional = sum(price * traded amount) exact in DECIMAL(76,18), VWAP = notional / token_volume in Java.
-- name: candles.{{interval}}
SELECT ts, first(price) AS open, max(price) AS high, min(price) AS low, last(price) AS close,
       sum(CASE WHEN side = 'BUY' THEN amount_out ELSE amount_in END) AS token_volume,
       sum(CASE WHEN side = 'BUY' THEN amount_in ELSE amount_out END) AS quote_volume,
       sum(price * CASE WHEN side = 'BUY' THEN amount_out ELSE amount_in END) AS notional,
       count() AS trades
FROM trades
WHERE token = ? AND quote = ? AND commitment IN (?, ?, ?, ?) AND superseded = false AND ts >= ? AND ts < ?
SAMPLE BY {{interval}} ALIGN TO CALENDAR;

-- ---- positions: every state (30-day TTL) and the last state of each day (position_days, no TTL)

-- fragment: position.columns
ts, trader, mode, token, quote, quantity, average_entry_price, realized_pnl, fees_paid, fill_count

-- fragment: positionDay.columns
updated_at, trader, mode, token, quote, quantity, average_entry_price, realized_pnl, fees_paid, fill_count

-- name: positions.latest
SELECT {{position.columns}} FROM positions
WHERE trader = ? AND mode = ? AND token = ? AND quote = ? LATEST ON ts PARTITION BY token, quote;

-- name: positions.latestForTrader
SELECT {{position.columns}} FROM positions WHERE trader = ? AND mode = ? LATEST ON ts PARTITION BY token, quote;

-- name: positions.history
SELECT {{position.columns}} FROM positions
WHERE trader = ? AND mode = ? AND token = ? AND quote = ? AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?;

-- name: positionDays.latest
SELECT {{positionDay.columns}} FROM position_days
WHERE trader = ? AND mode = ? AND token = ? AND quote = ? LATEST ON ts PARTITION BY token, quote;

-- name: positionDays.latestForTrader
SELECT {{positionDay.columns}} FROM position_days WHERE trader = ? AND mode = ? LATEST ON ts PARTITION BY token, quote;

-- Each position's last day end before a range (the baseline of its first period).
-- name: positionDays.before
SELECT {{positionDay.columns}} FROM position_days WHERE trader = ? AND mode = ? AND ts < ? LATEST ON ts PARTITION BY token, quote;

-- name: positionDays.between
SELECT {{positionDay.columns}} FROM position_days WHERE trader = ? AND mode = ? AND ts >= ? AND ts < ? ORDER BY ts;

-- Week ends: the last day end of each position in each ISO week (SAMPLE BY 1w starts weeks on Monday).
-- name: positionDays.weeks
SELECT last(updated_at) AS updated_at, trader, mode, token, quote, last(quantity) AS quantity,
       last(average_entry_price) AS average_entry_price, last(realized_pnl) AS realized_pnl, last(fees_paid) AS fees_paid,
       last(fill_count) AS fill_count
FROM position_days WHERE trader = ? AND mode = ? AND ts >= ? AND ts < ?
SAMPLE BY 1w ALIGN TO CALENDAR;

-- ---- metrics

-- A label filter has up to 32 entries (MetricPoint.MAX_LABELS); each slot is (skip, '$.key', value): an unused
-- slot binds skip = true. Keys match [a-zA-Z_][a-zA-Z0-9_]*, so '$.key' is always a plain JSON path.
-- fragment: metrics.labelFilter
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)
  AND (? OR json_extract(labels, ?) = ?)

-- name: metrics.find
SELECT ts, name, labels, value
FROM metrics WHERE name = ? AND ts >= ? AND ts < ?
{{metrics.labelFilter}}
ORDER BY ts, labels LIMIT ?;

-- One row per series (labels) and interval; last() is the value of the series' latest point in the interval.
-- name: metrics.downsample.{{interval}}
SELECT ts, labels, avg_value, min_value, max_value, last_value, points FROM (
  SELECT ts, labels, avg(value) AS avg_value, min(value) AS min_value, max(value) AS max_value, last(value) AS last_value,
         count() AS points
  FROM metrics WHERE name = ? AND ts >= ? AND ts < ?
  {{metrics.labelFilter}}
  SAMPLE BY {{interval}} ALIGN TO CALENDAR
) ORDER BY ts, labels LIMIT ?;

-- ---- MEV events

-- fragment: mev.columns
ts, event_id, trader, token, outcome, victim_signature, sandwich_probability, predicted_loss, actual_loss, trade_id

-- name: mev.byOutcome
SELECT {{mev.columns}} FROM mev_events WHERE outcome = ? AND ts >= ? AND ts < ? ORDER BY ts, event_id LIMIT ?;

-- name: mev.between
SELECT {{mev.columns}} FROM mev_events WHERE ts >= ? AND ts < ? ORDER BY ts, event_id LIMIT ?;

-- name: mev.byTrader
SELECT {{mev.columns}} FROM mev_events WHERE trader = ? AND ts >= ? AND ts < ? ORDER BY ts, event_id LIMIT ?;

-- trade_id is a VARCHAR without an index: this scans mev_events, which the 30-day TTL bounds.
-- name: mev.byTrade
SELECT {{mev.columns}} FROM mev_events WHERE trade_id = ? ORDER BY ts, event_id LIMIT ?;
