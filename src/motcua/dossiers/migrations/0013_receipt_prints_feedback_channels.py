"""The receipt (form 01) prints where to send feedback on regulations. Installed rows get the line added
after their signatures, so an administrator's own edits of a receipt stay as they are."""

from django.db import migrations

ANCHOR = "{{ officer }}</td></tr></table>\n"
LINE = (
    '{% if feedback_channels %}<p class="channels">Phản ánh, kiến nghị về quy định hành chính và việc giải quyết '
    'hồ sơ này gửi qua: {{ feedback_channels|join:"; " }}.</p>{% endif %}\n'
)


def add_channels(apps, schema_editor):
    FormTemplate = apps.get_model("dossiers", "FormTemplate")
    for row in FormTemplate.objects.filter(kind="receipt"):
        if "feedback_channels" not in row.body and ANCHOR in row.body:
            row.body = row.body.replace(ANCHOR, ANCHOR + LINE, 1)
            row.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0012_merge_limit_cases_and_sort_index")]

    operations = [migrations.RunPython(add_channels, migrations.RunPython.noop)]
