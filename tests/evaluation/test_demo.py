"""Demo ratings and payments: some ratings, some unsatisfied, some fees paid; loading twice adds nothing."""

import pytest
from django.core.management import call_command

from motcua.demo import ratings
from motcua.dossiers.models import Dossier, Payment
from motcua.evaluation.models import Rating

pytestmark = pytest.mark.django_db


def test_demo_ratings_and_payments_load_twice():
    call_command("load_demo", stdout=None)
    counts = ratings.load()
    returned = Dossier.objects.filter(status="returned").count()
    assert 0 < counts["ratings"] < returned
    assert Rating.objects.filter(satisfied=False).exists()
    assert Rating.objects.filter(satisfied=True).exists()
    assert counts["payments"] > 0
    assert Payment.objects.filter(method="bank_transfer").exists()
    assert ratings.load() == counts
    assert Dossier.objects.filter(paid=True).count() == counts["payments"]
