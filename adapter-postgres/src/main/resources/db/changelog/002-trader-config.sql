--liquibase formatted sql

--changeset soltrade:002-trader-config
--comment: One row per trader. version is the optimistic lock: a write names the version it read and bumps it.
--comment: Lamport amounts are u64 (numeric(20,0) in 0 .. 2^64-1), as TokenAmount holds them.
CREATE TABLE trader_config (
    trader_id                text             NOT NULL,
    mode                     text             NOT NULL,
    max_position_lamports    numeric(20, 0)   NOT NULL,
    max_daily_loss_lamports  numeric(20, 0)   NOT NULL,
    max_slippage_bps         integer          NOT NULL,
    max_open_orders          integer          NOT NULL,
    mev_enabled              boolean          NOT NULL,
    mev_sandwich_threshold   double precision NOT NULL,
    mev_max_tip_lamports     numeric(20, 0)   NOT NULL,
    mev_private_submission   boolean          NOT NULL,
    settings                 jsonb            NOT NULL DEFAULT '{}'::jsonb,
    version                  bigint           NOT NULL,
    created_at               timestamptz      NOT NULL,
    updated_at               timestamptz      NOT NULL,
    CONSTRAINT trader_config_pk PRIMARY KEY (trader_id),
    CONSTRAINT trader_config_trader_format CHECK (trader_id ~ '^[A-Za-z0-9_.-]{1,64}$'),
    CONSTRAINT trader_config_mode_known CHECK (mode IN ('PAPER', 'LIVE')),
    CONSTRAINT trader_config_max_position_u64 CHECK (max_position_lamports BETWEEN 0 AND 18446744073709551615),
    CONSTRAINT trader_config_max_daily_loss_u64 CHECK (max_daily_loss_lamports BETWEEN 0 AND 18446744073709551615),
    CONSTRAINT trader_config_slippage_range CHECK (max_slippage_bps BETWEEN 0 AND 10000),
    CONSTRAINT trader_config_open_orders_range CHECK (max_open_orders BETWEEN 0 AND 10000),
    CONSTRAINT trader_config_threshold_probability CHECK (mev_sandwich_threshold >= 0 AND mev_sandwich_threshold <= 1),
    CONSTRAINT trader_config_max_tip_u64 CHECK (mev_max_tip_lamports BETWEEN 0 AND 18446744073709551615),
    CONSTRAINT trader_config_settings_object CHECK (jsonb_typeof(settings) = 'object'),
    CONSTRAINT trader_config_version_stored CHECK (version >= 1),
    CONSTRAINT trader_config_updated_after_created CHECK (updated_at >= created_at)
);
--rollback DROP TABLE trader_config;
