"""The demo online forms load on top of the demo catalog, are valid, and loading twice changes nothing."""

import pytest
from django.core.management import call_command

from motcua.catalog.models import OnlineLevel, Procedure
from motcua.catalog.selectors import version_in_force
from motcua.demo import portal as demo_portal
from motcua.portal.fields import validate_spec
from motcua.portal.models import OnlineForm, StoredDocument, StoredKind

pytestmark = pytest.mark.django_db


def test_demo_online_forms_load_once():
    call_command("load_demo", stdout=None)
    first = demo_portal.load()
    assert demo_portal.load() == first
    assert first["online_forms"] >= 5
    birth = Procedure.objects.get(national_code="1.001193")
    assert version_in_force(birth).online_level == OnlineLevel.FULL
    names = [f["name"] for f in OnlineForm.objects.get(procedure=birth).fields]
    assert {"ho_ten_tre", "gioi_tinh", "ngay_sinh", "noi_sinh", "ho_ten_cha", "ho_ten_me", "quan_he"} <= set(
        names
    )
    marriage = OnlineForm.objects.get(procedure__national_code="1.000894")
    assert marriage.in_person_note
    for form in OnlineForm.objects.all():
        validate_spec(form.fields)
        assert version_in_force(form.procedure).online_level != OnlineLevel.NONE
    mine = StoredDocument.objects.filter(owner__username="congdan1")
    assert mine.filter(kind=StoredKind.UPLOADED).count() == 1
    # The demo citizen's two dossiers with an electronic result put it in the store.
    assert mine.filter(kind=StoredKind.RESULT).count() == 2
