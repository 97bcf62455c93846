"""Vietnamese names are one field, written and shown as people write them ("Đỗ Thị Mai"), never given name
first (issue 13, problem 7)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from motcua.org.models import User
from tests.factories import StaffFactory

PASSWORD = "matkhau-thu-123"


@pytest.mark.django_db(transaction=True)
def test_the_migration_joins_family_and_given_name_in_vietnamese_order():
    executor = MigrationExecutor(connection)
    executor.migrate([("org", "0001_initial")])
    old = executor.loader.project_state([("org", "0001_initial")]).apps.get_model("org", "User")
    # The demo kept the given name in first_name; citizens' accounts kept the whole name there.
    old.objects.create(username="mai", first_name="Mai", last_name="Đỗ Thị")
    old.objects.create(username="lan", first_name="Nguyễn Thị Lan", last_name="")
    old.objects.create(username="empty")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    names = dict(User.objects.values_list("username", "full_name"))
    assert names == {"mai": "Đỗ Thị Mai", "lan": "Nguyễn Thị Lan", "empty": ""}


def test_the_user_has_one_name_field(db):
    user = StaffFactory(full_name="Đỗ Thị Mai")
    assert str(user) == "Đỗ Thị Mai"
    assert user.get_full_name() == "Đỗ Thị Mai"
    assert user.get_short_name() == "Mai"
    fields = {field.name for field in User._meta.get_fields()}
    assert "full_name" in fields
    assert not fields & {"first_name", "last_name"}


def test_the_navigation_shows_the_name_as_written(client, db):
    user = StaffFactory(username="motcua.mai", full_name="Đỗ Thị Mai")
    client.force_login(user)
    page = client.get(reverse("dossiers:queues")).content.decode()
    assert "Đỗ Thị Mai" in page
    assert "Mai Đỗ Thị" not in page


def test_the_admin_lists_searches_and_edits_the_full_name(client, db):
    admin = StaffFactory(username="quantri", full_name="Lê Văn Quản", is_staff=True, is_superuser=True)
    StaffFactory(username="motcua.mai", full_name="Đỗ Thị Mai")
    client.force_login(admin)
    listing = client.get(reverse("admin:org_user_changelist"), {"q": "Thị Mai"}).content.decode()
    assert "Đỗ Thị Mai" in listing
    user = User.objects.get(username="motcua.mai")
    form = client.get(reverse("admin:org_user_change", args=[user.pk])).content.decode()
    assert 'name="full_name"' in form
    assert 'name="first_name"' not in form
    assert 'name="last_name"' not in form
    added = client.post(
        reverse("admin:org_user_add"),
        {
            "username": "chuyenvien.an",
            "full_name": "Nguyễn Văn An",
            "password1": "mot-mat-khau-dai-123",
            "password2": "mot-mat-khau-dai-123",
            "usable_password": "true",
            "roles-TOTAL_FORMS": "0",
            "roles-INITIAL_FORMS": "0",
        },
    )
    assert added.status_code == 302, added.context["adminform"].form.errors
    assert User.objects.get(username="chuyenvien.an").full_name == "Nguyễn Văn An"
