"""The Civil Code's end of a period in days, in force since the Code (1/1/2017)."""

from datetime import date

from django.db import migrations


def forwards(apps, schema_editor):
    PeriodEndRule = apps.get_model("workdays", "PeriodEndRule")
    PeriodEndRule.objects.get_or_create(
        valid_from=date(2017, 1, 1),
        defaults={
            "rule": "end_of_day",
            "legal_basis": "Bộ luật Dân sự 2015 Điều 147 (ngày đầu không tính), Điều 148 (kết thúc vào cuối ngày "
            "cuối cùng; với cơ quan: hết giờ làm việc)",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("workdays", "0002_period_end_rule")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
