from django.db import migrations

from motcua.serviceindex.seed import load


class Migration(migrations.Migration):
    dependencies = [("serviceindex", "0001_index_and_aggregates")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
