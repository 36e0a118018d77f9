--liquibase formatted sql

--changeset soltrade:005-audit-log
--comment: Every configuration change, written in the transaction that makes the change (so a rolled-back
--comment: change leaves no entry and a committed one always has one). before/after are the entity as JSON.
CREATE TABLE audit_log (
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    actor         text        NOT NULL,
    action        text        NOT NULL,
    entity_type   text        NOT NULL,
    entity_id     text        NOT NULL,
    before_state  jsonb,
    after_state   jsonb,
    at            timestamptz NOT NULL,
    CONSTRAINT audit_log_pk PRIMARY KEY (id),
    CONSTRAINT audit_log_actor_format CHECK (actor ~ '^[A-Za-z0-9_.@:-]{1,128}$'),
    CONSTRAINT audit_log_action_word CHECK (action ~ '^[a-z][a-z0-9_]{0,63}$'),
    CONSTRAINT audit_log_entity_type_word CHECK (entity_type ~ '^[a-z][a-z0-9_]{0,63}$'),
    CONSTRAINT audit_log_entity_id_text CHECK (char_length(entity_id) BETWEEN 1 AND 128),
    CONSTRAINT audit_log_some_state CHECK (before_state IS NOT NULL OR after_state IS NOT NULL)
);
CREATE INDEX audit_log_by_entity ON audit_log (entity_type, entity_id, at DESC, id DESC);
--rollback DROP TABLE audit_log;

--changeset soltrade:005-audit-log-append-only splitStatements:false
--comment: Append-only even by hand: UPDATE, DELETE and TRUNCATE raise. Dropping the schema still works.
CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
--rollback DROP TRIGGER audit_log_no_truncate ON audit_log;
--rollback DROP TRIGGER audit_log_no_update_or_delete ON audit_log;
--rollback DROP FUNCTION audit_log_reject_change();
