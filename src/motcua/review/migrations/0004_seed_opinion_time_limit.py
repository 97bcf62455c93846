"""The time limit for the TTHC-control unit's opinion on the procedures in a draft regulation.

Art. 9 of Decree 63/2010/NĐ-CP (as amended by Decrees 48/2013/NĐ-CP and 92/2017/NĐ-CP) governs the opinion
on procedures in drafts. The number of working days could not be checked against the decree's text through
the reference search available when this was written; 10 working days is the figure provincial procedures
commonly apply, and the row says it was not verified. A province corrects it with a new row in the admin
(its own `valid_from`); drafts already registered keep the limit they were counted with.
"""

from datetime import date

from django.db import migrations

LIMITS = [
    {
        "valid_from": date(2017, 9, 22),
        "working_days": 10,
        "legal_basis": (
            "Điều 9 Nghị định 63/2010/NĐ-CP, sửa đổi bởi Nghị định 48/2013/NĐ-CP và Nghị định 92/2017/NĐ-CP "
            "(số ngày chưa đối chiếu được với văn bản gốc)"
        ),
    },
]


def seed(apps, schema_editor):
    OpinionTimeLimit = apps.get_model("review", "OpinionTimeLimit")
    for limit in LIMITS:
        OpinionTimeLimit.objects.get_or_create(valid_from=limit["valid_from"], defaults=limit)


class Migration(migrations.Migration):
    dependencies = [("review", "0003_draft_regulations_and_impact_assessment")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
