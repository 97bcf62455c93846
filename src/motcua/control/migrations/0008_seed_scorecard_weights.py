"""Default emulation weights, 100 points in all. No national text fixes them: each province sets its own in
its emulation regulation (quy chế thi đua, khen thưởng), so the basis says they are a starting point to replace
with a dated row of the province's own. Re-run after a flush (apps.py keep_seeded)."""

from datetime import date
from decimal import Decimal

from django.db import migrations

BASIS = (
    "Mặc định của MộtCửa (100 điểm); tỉnh thay bằng quy chế thi đua, khen thưởng của mình "
    "/ MộtCửa's default; replace with the province's emulation regulation"
)
WEIGHTS = [
    ("control.tasks", "25", 1),
    ("control.reports", "15", 2),
    ("control.targets", "10", 3),
    ("serviceindex.on_time", "25", 4),
    ("serviceindex.satisfaction", "15", 5),
    ("feedback.handled_on_time", "10", 6),
]


def seed(apps, schema_editor):
    ScorecardWeight = apps.get_model("control", "ScorecardWeight")
    for measure, points, position in WEIGHTS:
        ScorecardWeight.objects.get_or_create(
            measure=measure,
            valid_from=date(2025, 1, 1),
            defaults={"points": Decimal(points), "position": position, "legal_basis": BASIS},
        )


class Migration(migrations.Migration):
    dependencies = [("control", "0007_scorecard_weights")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
