"""Optimistic locking (core.versioning): a write from a page loaded before someone else's change is refused
with the app's Conflict and overwrites nothing."""

import pytest
from django.db import transaction

from motcua.core.versioning import commit_versioned, locked
from motcua.dossiers.models import Dossier
from motcua.dossiers.services.common import DossierConflict
from tests.dossiers.factories import receive

pytestmark = pytest.mark.django_db


def test_a_write_from_a_stale_page_is_refused_and_overwrites_nothing(desk):
    dossier = receive(desk)
    seen = dossier.version
    other = Dossier.objects.get(pk=dossier.pk)
    other.missing_documents = "Bản sao giấy khai sinh"
    commit_versioned(other, seen, ["missing_documents"], DossierConflict)
    assert other.version == seen + 1

    dossier.missing_documents = "ghi đè"
    with pytest.raises(DossierConflict), transaction.atomic():
        commit_versioned(dossier, seen, ["missing_documents"], DossierConflict)
    stored = Dossier.objects.get(pk=dossier.pk)
    assert (stored.missing_documents, stored.version) == ("Bản sao giấy khai sinh", seen + 1)


def test_locked_gives_the_row_at_the_version_read_else_the_conflict(desk):
    dossier = receive(desk)
    with transaction.atomic():
        row = locked(Dossier.objects.select_for_update(), dossier.pk, dossier.version, DossierConflict)
        assert row.pk == dossier.pk
    with pytest.raises(DossierConflict):
        locked(Dossier.objects.all(), dossier.pk, dossier.version - 1, DossierConflict)
