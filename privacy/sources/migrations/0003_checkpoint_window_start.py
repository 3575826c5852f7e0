"""The checkpoint's watermark becomes the start of the change window: the old value (the newest change time seen,
from which readers went back 15 minutes) is moved back those 15 minutes, so no window gets narrower."""

from datetime import datetime, timedelta

from django.db import migrations, models

OLD_MARGIN = timedelta(minutes=15)


def watermarks_to_window_starts(apps, schema_editor):
    checkpoints = apps.get_model("sources", "LocatorCheckpoint").objects.exclude(watermark="")
    for checkpoint in checkpoints:
        start = datetime.fromisoformat(checkpoint.watermark) - OLD_MARGIN
        checkpoint.watermark = start.strftime("%Y-%m-%d %H:%M:%S")
        checkpoint.save(update_fields=["watermark"])


class Migration(migrations.Migration):
    dependencies = [("sources", "0002_checkpoint_claim")]

    operations = [
        migrations.AlterField(
            model_name="locatorcheckpoint",
            name="watermark",
            field=models.CharField(
                blank=True, max_length=32,
                help_text="Start of the change window: rows changed at or after it may not be indexed yet (as the shop stores times).",
            ),
        ),
        migrations.RunPython(watermarks_to_window_starts, migrations.RunPython.noop),
    ]
