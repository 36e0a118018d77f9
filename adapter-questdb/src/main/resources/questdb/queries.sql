-- Every query the QuestDB adapter runs over PG wire, by name. Parameters are always bound, never spliced.
-- Timestamps are bound as UTC LocalDateTime (QuestDB TIMESTAMP has no zone); ranges are half-open [from, to).

-- name: wal.status
SELECT suspended, writerTxn, sequencerTxn, errorMessage FROM wal_tables() WHERE name = ?;

-- name: wal.all
SELECT name, suspended, writerTxn, sequencerTxn FROM wal_tables();

-- DEDUP keys hold (ts, trade_id): the same id saved again at another time is a second row. Reads keep the
-- earliest row of an id (the trade as first executed) and hide later ones.
-- name: trades.byId
SELECT ts, trade_id, trader, mode, side, token_in, token_out, mev_status, amount_in, amount_out, fee, price, slot
FROM trades WHERE trade_id = ? ORDER BY ts LIMIT 1;

-- name: trades.byToken
SELECT ts, trade_id, trader, mode, side, token_in, token_out, mev_status, amount_in, amount_out, fee, price, slot
FROM (
  SELECT ts, trade_id, trader, mode, side, token_in, token_out, mev_status, amount_in, amount_out, fee, price, slot, row_number() OVER (PARTITION BY trade_id ORDER BY ts) AS occurrence
  FROM trades WHERE token = ?
) WHERE occurrence = 1 ORDER BY ts DESC, trade_id DESC LIMIT ?;

-- name: trades.between
SELECT ts, trade_id, trader, mode, side, token_in, token_out, mev_status, amount_in, amount_out, fee, price, slot
FROM trades WHERE ts >= ? AND ts < ? ORDER BY ts, trade_id LIMIT ?;

-- name: positions.latest
SELECT ts, trader, mode, token, quantity, average_entry_price, realized_pnl, fees_paid, fill_count
FROM positions WHERE trader = ? AND mode = ? AND token = ? LATEST ON ts PARTITION BY token;

-- name: positions.latestForTrader
SELECT ts, trader, mode, token, quantity, average_entry_price, realized_pnl, fees_paid, fill_count
FROM (
  SELECT ts, trader, mode, token, quantity, average_entry_price, realized_pnl, fees_paid, fill_count
  FROM positions WHERE trader = ? AND mode = ? LATEST ON ts PARTITION BY token
) ORDER BY token;

-- name: positions.history
SELECT ts, trader, mode, token, quantity, average_entry_price, realized_pnl, fees_paid, fill_count
FROM positions WHERE trader = ? AND mode = ? AND token = ? AND ts >= ? AND ts < ? ORDER BY ts LIMIT ?;

-- A label filter has up to 32 entries (MetricPoint.MAX_LABELS); each slot is (skip, '$.key', value): an unused
-- slot binds skip = true. Keys match [a-zA-Z_][a-zA-Z0-9_]*, so '$.key' is always a plain JSON path.
-- name: metrics.find
SELECT ts, name, labels, value
FROM metrics WHERE name = ? AND ts >= ? AND ts < ?
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
ORDER BY ts, labels LIMIT ?;

-- name: mev.byOutcome
SELECT ts, event_id, trader, token, outcome, victim_signature, sandwich_probability, predicted_loss, actual_loss
FROM mev_events WHERE outcome = ? AND ts >= ? AND ts < ? ORDER BY ts, event_id LIMIT ?;

-- name: mev.between
SELECT ts, event_id, trader, token, outcome, victim_signature, sandwich_probability, predicted_loss, actual_loss
FROM mev_events WHERE ts >= ? AND ts < ? ORDER BY ts, event_id LIMIT ?;
