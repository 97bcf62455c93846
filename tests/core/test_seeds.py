"""Legal parameters seeded by data migrations survive a flush (and so every transactional test)."""

import pytest
from django.core.management import call_command

from motcua.catalog.models import Level, PublicationRule
from motcua.control.models import ControlParameter


@pytest.mark.django_db(transaction=True)
def test_flush_reinstalls_the_seeded_legal_parameters():
    call_command("flush", "--no-input", verbosity=0)

    assert Level.objects.exists()
    assert PublicationRule.objects.exists()
    assert ControlParameter.objects.filter(key="due_soon_working_days").exists()
