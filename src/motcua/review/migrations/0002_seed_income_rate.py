"""The hourly income that prices an applicant's time, as the statistics office publishes it.

Tổng cục Thống kê (now Cục Thống kê, Bộ Tài chính) reported an average monthly income of employed workers of
7,7 million đồng for 2024; 22 working days of 8 hours give 43 750 đồng an hour. A newer figure is a new row
with its own `valid_from`, entered in the admin; forms already opened keep the rate they were priced with.
"""

from datetime import date
from decimal import Decimal

from django.db import migrations

RATES = [
    {
        "valid_from": date(2025, 1, 1),
        "monthly_income": Decimal("7700000"),
        "working_days": 22,
        "working_hours": 8,
        "statistical_source": "Tổng cục Thống kê: thu nhập bình quân tháng của lao động có việc làm năm 2024",
        "legal_basis": "Thông tư 07/2014/TT-BTP; Điều 27 Thông tư 02/2017/TT-VPCP",
    },
]


def seed(apps, schema_editor):
    IncomeRate = apps.get_model("review", "IncomeRate")
    for rate in RATES:
        IncomeRate.objects.get_or_create(valid_from=rate["valid_from"], defaults=rate)


class Migration(migrations.Migration):
    dependencies = [("review", "0001_reviews_costs_decisions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
