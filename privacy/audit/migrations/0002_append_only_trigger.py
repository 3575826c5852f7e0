"""On PostgreSQL, refuse UPDATE and DELETE of audit events in the database itself.

The only update allowed is the sealer's: setting seq, prev_hash, chain_hash and sealed_at
once on an unsealed row, every other column unchanged. The chain head may only move forward.
Other databases rely on the model's refusals (and on verification).
"""

from django.db import migrations

CONTENT_COLUMNS = (
    "id, event_id, created_at, actor_kind, actor_id, actor_label, action, target_type, target_id, "
    "subject_scope, payload, row_mac"
)
OLD_CONTENT = ", ".join(f"OLD.{column.strip()}" for column in CONTENT_COLUMNS.split(","))
NEW_CONTENT = ", ".join(f"NEW.{column.strip()}" for column in CONTENT_COLUMNS.split(","))

CREATE = f"""
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit events are append-only: DELETE of event % refused', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF OLD.seq IS NOT NULL OR OLD.prev_hash IS NOT NULL OR OLD.chain_hash IS NOT NULL OR OLD.sealed_at IS NOT NULL THEN
        RAISE EXCEPTION 'audit event % is sealed: UPDATE refused', OLD.id USING ERRCODE = 'restrict_violation';
    END IF;
    IF NEW.seq IS NULL OR NEW.prev_hash IS NULL OR NEW.chain_hash IS NULL OR NEW.sealed_at IS NULL
       OR ROW({NEW_CONTENT}) IS DISTINCT FROM ROW({OLD_CONTENT}) THEN
        RAISE EXCEPTION 'audit event %: only sealing (seq, prev_hash, chain_hash, sealed_at, once) may change it', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_auditevent
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE OR REPLACE FUNCTION audit_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'the audit chain head cannot be deleted' USING ERRCODE = 'restrict_violation';
    END IF;
    IF NEW.id <> OLD.id OR NEW.seq < OLD.seq OR (NEW.seq = OLD.seq AND NEW.chain_hash <> OLD.chain_hash) THEN
        RAISE EXCEPTION 'the audit chain head only moves forward (from % to % refused)', OLD.seq, NEW.seq
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE OR DELETE ON audit_auditchainhead
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_chain_head_forward_only ON audit_auditchainhead;
DROP FUNCTION IF EXISTS audit_chain_head_forward_only();
DROP TRIGGER IF EXISTS audit_event_append_only ON audit_auditevent;
DROP FUNCTION IF EXISTS audit_event_append_only();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]
