--liquibase formatted sql

--changeset soltrade:001-tokens
--comment: Token metadata. CHECKs mirror TokenMetadata's validation, laxer never stricter (e.g. a base58 shape,
--comment: not the 32-byte decode), so every value the domain accepts fits and no hand-written row can be nonsense.
CREATE TABLE tokens (
    mint        text        NOT NULL,
    symbol      text        NOT NULL,
    name        text        NOT NULL,
    decimals    smallint    NOT NULL,
    program     text        NOT NULL,
    extensions  jsonb       NOT NULL DEFAULT '[]'::jsonb,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    CONSTRAINT tokens_pk PRIMARY KEY (mint),
    CONSTRAINT tokens_mint_base58 CHECK (mint ~ '^[1-9A-HJ-NP-Za-km-z]{32,44}$'),
    CONSTRAINT tokens_symbol_format CHECK (symbol ~ '^[A-Za-z0-9_.-]{1,16}$'),
    CONSTRAINT tokens_name_text CHECK (char_length(name) BETWEEN 1 AND 128 AND btrim(name) <> '' AND name !~ '[\u0001-\u001f\u007f-\u009f]'),
    CONSTRAINT tokens_decimals_range CHECK (decimals BETWEEN 0 AND 255),
    CONSTRAINT tokens_program_known CHECK (program IN ('SPL_TOKEN', 'TOKEN_2022')),
    CONSTRAINT tokens_extensions_array CHECK (jsonb_typeof(extensions) = 'array'),
    CONSTRAINT tokens_extensions_typed CHECK (NOT jsonb_path_exists(extensions, '$[*] ? (!(@.type like_regex "^[A-Z][A-Z0-9_]{0,63}$"))')),
    CONSTRAINT tokens_spl_has_no_extensions CHECK (program = 'TOKEN_2022' OR extensions = '[]'::jsonb),
    CONSTRAINT tokens_updated_after_created CHECK (updated_at >= created_at)
);
--rollback DROP TABLE tokens;

--changeset soltrade:001-tokens-extensions-gin
--comment: findTokensWithExtension asks extensions @> '[{"type": ...}]'; jsonb_path_ops serves exactly containment.
CREATE INDEX tokens_extensions_gin ON tokens USING gin (extensions jsonb_path_ops);
--rollback DROP INDEX tokens_extensions_gin;
