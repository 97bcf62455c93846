from django.db import migrations

# The seeded TTHC-control report's review and feedback rows were still typed by hand although the
# platform holds their rows (issue 16, "every report filled from live data"): name the computations the
# review and feedback apps register (by name only, so control does not import the apps above it).
COMPUTED = {
    "tthc_reviewed": "review.procedures_reviewed",
    "simplification_proposals": "review.options_proposed",
    "feedback_received": "feedback.received",
    "feedback_handled": "feedback.handled",
    "feedback_published": "feedback.published",
}


def name_computations(apps, schema_editor):
    TemplateField = apps.get_model("control", "TemplateField")
    for code, computation in COMPUTED.items():
        TemplateField.objects.filter(section__template__code="KSTTHC-DK", code=code, computation="").update(
            computation=computation
        )


def unname_computations(apps, schema_editor):
    TemplateField = apps.get_model("control", "TemplateField")
    for code, computation in COMPUTED.items():
        TemplateField.objects.filter(
            section__template__code="KSTTHC-DK", code=code, computation=computation
        ).update(computation="")


class Migration(migrations.Migration):
    dependencies = [
        ("control", "0008_seed_scorecard_weights"),
    ]

    operations = [
        migrations.RunPython(name_computations, unname_computations),
    ]
