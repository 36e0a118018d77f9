-- SQL of the bench's raw sides, one statement per "-- name:" block (read by BenchSql). The raw side runs the
-- statement a host would write by hand for the same work as our adapter.

-- name: questdb.raw-table.create
-- The raw side's QuestDB table: the same columns, index, WAL, partitioning and DEDUP keys as the adapter's trades
-- table (adapter-questdb questdb/migrations, V001 to V003), so both sides make the server do the same work.
CREATE TABLE IF NOT EXISTS bench_raw_trades (
    ts TIMESTAMP,
    trade_id VARCHAR,
    trader SYMBOL,
    mode SYMBOL CAPACITY 8 NOCACHE,
    side SYMBOL CAPACITY 8 NOCACHE,
    token SYMBOL,
    token_in SYMBOL,
    token_out SYMBOL,
    mev_status SYMBOL CAPACITY 8 NOCACHE,
    commitment SYMBOL CAPACITY 8 NOCACHE,
    quote SYMBOL,
    id_bucket SYMBOL CAPACITY 65536 NOCACHE INDEX CAPACITY 16,
    superseded BOOLEAN,
    amount_in DECIMAL(20, 0),
    amount_out DECIMAL(20, 0),
    fee DECIMAL(20, 0),
    price DECIMAL(38, 18),
    slot LONG
) TIMESTAMP(ts) PARTITION BY DAY TTL 30 DAYS WAL
DEDUP UPSERT KEYS(ts, trade_id)

-- name: questdb.raw-table.drop
DROP TABLE IF EXISTS bench_raw_trades

-- name: questdb.raw-visible
SELECT count() FROM bench_raw_trades WHERE trade_id = ?

-- name: postgres.raw-table.create
-- In the run's own schema (the connection's currentSchema): the adapter's trades table, copied with its
-- constraints, indexes and generated column.
CREATE TABLE raw_trades (LIKE trades INCLUDING ALL)

-- name: postgres.raw-copy
COPY raw_trades (trade_id, executed_at, trader_id, mode, side, token_in, token_out, amount_in, amount_out, fee, price, slot, mev_status) FROM STDIN

-- name: postgres.raw-config-read
SELECT trader_id, mode, max_position_lamports, max_daily_loss_lamports, max_slippage_bps, max_open_orders, mev_enabled,
       mev_sandwich_threshold, mev_max_tip_lamports, mev_private_submission, settings, version, created_at, updated_at
FROM trader_config WHERE trader_id = ?

-- name: postgres.drop-run-schema
-- The run's schema is the connection's currentSchema, so its name never has to be written into SQL.
DO $$ BEGIN EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', current_schema()); END $$

-- name: questdb.trades-wal
-- How far QuestDB has applied the adapter's trades table: its writer (applied) and sequencer (committed) transactions.
SELECT writerTxn, sequencerTxn FROM wal_tables() WHERE name = 'trades'
