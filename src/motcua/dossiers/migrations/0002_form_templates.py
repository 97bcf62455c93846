from django.db import migrations


def install(apps, schema_editor):
    from motcua.dossiers import form_seed

    form_seed.install(apps.get_model("dossiers", "FormTemplate"))


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
