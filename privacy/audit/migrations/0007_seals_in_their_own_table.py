"""Seals move to their own insert-only table: an event row is written once and never updated.

Existing seals are copied to audit_auditseal; the head learns the highest event id read
(`sealed_through`) and the unsealed events below it as gaps, so the sealer picks them up. On
PostgreSQL the triggers now refuse every UPDATE and DELETE of an event or a seal.
"""

import importlib
import time

from django.db import migrations, models

OLD_TRIGGERS = importlib.import_module("privacy.audit.migrations.0002_append_only_trigger")

APPEND_ONLY = """
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % of event % refused', TG_OP, OLD.id
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE OR REPLACE FUNCTION audit_seal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit seals are append-only: % of seal % refused', TG_OP, OLD.seq
        USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_auditseal
    FOR EACH ROW EXECUTE FUNCTION audit_seal_append_only();
"""

DROP_SEAL_TRIGGER = """
DROP TRIGGER IF EXISTS audit_seal_append_only ON audit_auditseal;
DROP FUNCTION IF EXISTS audit_seal_append_only();
"""


def _on_postgresql(*statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql, params=None)

    return run


def seals_to_table(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_auditseal (seq, event_id, prev_hash, chain_hash, sealed_at) "
            "SELECT seq, id, prev_hash, chain_hash, sealed_at FROM audit_auditevent WHERE seq IS NOT NULL"
        )
        cursor.execute("SELECT id FROM audit_auditevent WHERE seq IS NULL ORDER BY id")
        unsealed = [row[0] for row in cursor.fetchall()]
        cursor.execute("SELECT max(id) FROM audit_auditevent")
        through = cursor.fetchone()[0] or 0
    gaps, now = [], int(time.time())
    for number in unsealed:  # consecutive ids as one range
        if gaps and gaps[-1][1] == number - 1:
            gaps[-1][1] = number
        else:
            gaps.append([number, number, now])
    head = apps.get_model("audit", "AuditChainHead").objects.using(schema_editor.connection.alias)
    head.filter(pk=1).update(sealed_through=through, gaps=gaps)


def seals_back_to_events(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditevent SET seq = s.seq, prev_hash = s.prev_hash, chain_hash = s.chain_hash, "
            "sealed_at = s.sealed_at FROM audit_auditseal AS s WHERE audit_auditevent.id = s.event_id"
            if schema_editor.connection.vendor == "postgresql"
            else "UPDATE audit_auditevent SET (seq, prev_hash, chain_hash, sealed_at) = (SELECT s.seq, s.prev_hash, "
            "s.chain_hash, s.sealed_at FROM audit_auditseal AS s WHERE s.event_id = audit_auditevent.id)"
        )


class Migration(migrations.Migration):
    dependencies = [("audit", "0006_seq_partial_unique")]

    operations = [
        migrations.CreateModel(
            name="AuditSeal",
            fields=[
                ("seq", models.BigIntegerField(primary_key=True, serialize=False)),
                ("prev_hash", models.CharField(max_length=64)),
                ("chain_hash", models.CharField(max_length=64)),
                ("sealed_at", models.DateTimeField()),
                (
                    "event",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=models.DO_NOTHING,
                        related_name="seal",
                        to="audit.auditevent",
                    ),
                ),
            ],
            options={"abstract": False},
        ),
        migrations.AddField(model_name="auditchainhead", name="sealed_through", field=models.BigIntegerField(default=0)),
        migrations.AddField(model_name="auditchainhead", name="gaps", field=models.JSONField(blank=True, default=list)),
        migrations.RunPython(seals_to_table, seals_back_to_events),
        # Sealing rewrote event rows; from here on nothing may (the reverse restores that rule before the seals go back).
        migrations.RunPython(
            _on_postgresql(APPEND_ONLY),
            _on_postgresql(DROP_SEAL_TRIGGER, OLD_TRIGGERS.CREATE.split("CREATE TRIGGER audit_event_append_only")[0]),
        ),
        migrations.RemoveConstraint(model_name="auditevent", name="audit_seq_unique"),
        migrations.RemoveIndex(model_name="auditevent", name="audit_unsealed_idx"),
        migrations.RemoveField(model_name="auditevent", name="seq"),
        migrations.RemoveField(model_name="auditevent", name="prev_hash"),
        migrations.RemoveField(model_name="auditevent", name="chain_hash"),
        migrations.RemoveField(model_name="auditevent", name="sealed_at"),
    ]
