"""Seed the working-day limits of the Q&A column: route a question within 2 working days, answer it (with
the leader's approval) within 5 after routing, publish within 2 after approval. No national text fixes
these; they follow the province's Q&A column rules and the PAKN limits of the national portal. An
administrator corrects them in the admin with a new row and its date."""

from datetime import date

from django.db import migrations

BASIS = (
    "Quy chế chuyên mục hỏi đáp TTHC của tỉnh (chưa xác minh); tham chiếu thời hạn PAKN của Cổng Dịch vụ "
    "công quốc gia"
)
LIMITS = [("route", 2), ("answer", 5), ("publish", 2)]


def seed(apps, schema_editor):
    QuestionLimit = apps.get_model("outreach", "QuestionLimit")
    for stage, days in LIMITS:
        QuestionLimit.objects.get_or_create(
            stage=stage, valid_from=date(2017, 1, 1), defaults={"working_days": days, "legal_basis": BASIS}
        )


class Migration(migrations.Migration):
    dependencies = [("outreach", "0004_citizen_questions")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
