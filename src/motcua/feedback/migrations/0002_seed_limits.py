"""Seed the PAKN stage limits the national portal applies (domain.md §8): refuse within 2 working days,
ask to complete within 5, handle within 15, publish within 2 after approval. Rows an administrator corrects
in the admin (a new row with its valid_from) when the province's rules differ."""

from datetime import date

from django.db import migrations

BASIS = (
    "NĐ 20/2008/NĐ-CP, sửa đổi bởi NĐ 92/2017/NĐ-CP; TT 02/2017/TT-VPCP; thời hạn theo Hệ thống "
    "PAKN của Cổng Dịch vụ công quốc gia (chưa xác minh điều khoản)"
)
LIMITS = [("refuse", 2), ("complete", 5), ("handle", 15), ("publish", 2)]


def seed(apps, schema_editor):
    FeedbackLimit = apps.get_model("feedback", "FeedbackLimit")
    for stage, days in LIMITS:
        FeedbackLimit.objects.get_or_create(
            stage=stage,
            valid_from=date(2017, 9, 25),
            defaults={"working_days": days, "legal_basis": BASIS},
        )


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_feedback")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
