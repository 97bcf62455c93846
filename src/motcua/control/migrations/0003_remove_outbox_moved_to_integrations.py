"""Reminders now go through integrations.notifications; the messages already in control's outbox move
to the shared outbox table (same fields) before the old table is dropped, so nothing is lost."""

from django.db import migrations

FIELDS = ["recipient", "user_id", "channel", "subject", "body", "reference", "created_at", "sent_at",
          "attempts", "last_error"]


def move_messages(apps, schema_editor):
    Old = apps.get_model("control", "OutboxMessage")
    New = apps.get_model("integrations", "OutboxMessage")
    New.objects.bulk_create(
        [New(plugin="django_mail", **{f: getattr(m, f) for f in FIELDS}) for m in Old.objects.iterator()]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("control", "0002_seed_legal_parameters"),
        ("integrations", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(move_messages, migrations.RunPython.noop),
        migrations.DeleteModel(name="OutboxMessage"),
    ]
