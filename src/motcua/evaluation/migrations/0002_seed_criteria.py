from django.db import migrations


def seed(apps, schema_editor):
    from motcua.evaluation import criteria_seed

    criteria_seed.seed(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
