"""One name field for a Vietnamese name as people write it ("Đỗ Thị Mai").

The demo and the admin stored the given name in `first_name` and the rest in `last_name`; citizens'
accounts kept the whole name in `first_name`. Both become `last_name + " " + first_name`.
"""

from django.db import migrations, models


def join_names(apps, schema_editor):
    User = apps.get_model("org", "User")
    for user in User.objects.only("pk", "first_name", "last_name").iterator():
        full_name = " ".join(f"{user.last_name} {user.first_name}".split())[:150]
        User.objects.filter(pk=user.pk).update(full_name=full_name)


def split_names(apps, schema_editor):
    User = apps.get_model("org", "User")
    for user in User.objects.only("pk", "full_name").iterator():
        family, _space, given = user.full_name.strip().rpartition(" ")
        User.objects.filter(pk=user.pk).update(first_name=given, last_name=family)


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="full_name",
            field=models.CharField(blank=True, max_length=150, verbose_name="họ và tên"),
        ),
        migrations.RunPython(join_names, split_names),
        migrations.RemoveField(model_name="user", name="first_name"),
        migrations.RemoveField(model_name="user", name="last_name"),
    ]
