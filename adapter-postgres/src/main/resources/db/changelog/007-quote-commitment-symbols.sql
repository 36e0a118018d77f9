--liquibase formatted sql

--changeset soltrade:007-trades-commitment
--comment: Issue 13. A trade's commitment (PROCESSED, CONFIRMED, FINALIZED, or FAILED when its slot was skipped), updated in
--comment: place as confirmations arrive; every trade stored before is FINALIZED. A paper trade is always FINALIZED (no chain).
ALTER TABLE trades ADD COLUMN commitment text NOT NULL DEFAULT 'FINALIZED';
ALTER TABLE trades ADD CONSTRAINT trades_commitment_known CHECK (commitment IN ('PROCESSED', 'CONFIRMED', 'FINALIZED', 'FAILED'));
ALTER TABLE trades ADD CONSTRAINT trades_paper_finalized CHECK (trade_id NOT LIKE 'paper:%' OR commitment = 'FINALIZED');
--rollback ALTER TABLE trades DROP CONSTRAINT trades_paper_finalized;
--rollback ALTER TABLE trades DROP CONSTRAINT trades_commitment_known;
--rollback ALTER TABLE trades DROP COLUMN commitment;

--changeset soltrade:007-trades-quote
--comment: The quote token a trade is priced in (Trade.quote(): what a buy spends, what a sell receives), derived by the
--comment: database like token, so candles filter on it.
ALTER TABLE trades ADD COLUMN quote text GENERATED ALWAYS AS (CASE WHEN side = 'BUY' THEN token_in ELSE token_out END) STORED;
--rollback ALTER TABLE trades DROP COLUMN quote;

--changeset soltrade:007-trades-by-trader
--comment: findByTrader reads one trader's trades newest first by the keyset (executed_at, trade_id): the index holds the whole
--comment: key, trade_id in code-point order (COLLATE "C", as every order the ports define), so a page is an index range scan
--comment: however deep it is.
CREATE INDEX trades_by_trader ON trades (trader_id, executed_at DESC, trade_id COLLATE "C" DESC);
--rollback DROP INDEX trades_by_trader;

--changeset soltrade:007-tokens-onchain-symbols
--comment: TokenSymbol accepts what token metadata allows ($WIF, non-ASCII, up to 10,000 characters, as the Token-2022
--comment: metadata extension has no limit of its own); PostgreSQL text cannot hold U+0000, which the domain refuses too.
--comment: findTokensBySymbol is an equality lookup: a hash index serves it and, unlike a btree, holds values of any length.
--comment: Rolling back fails while a token whose symbol the old format refuses is stored (update or remove it first).
ALTER TABLE tokens DROP CONSTRAINT tokens_symbol_format;
ALTER TABLE tokens ADD CONSTRAINT tokens_symbol_text CHECK (char_length(symbol) BETWEEN 1 AND 10000);
CREATE INDEX tokens_by_symbol ON tokens USING hash (symbol);
--rollback DROP INDEX tokens_by_symbol;
--rollback ALTER TABLE tokens DROP CONSTRAINT tokens_symbol_text;
--rollback ALTER TABLE tokens ADD CONSTRAINT tokens_symbol_format CHECK (symbol ~ '^[A-Za-z0-9_.-]{1,16}$');
