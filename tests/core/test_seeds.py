"""Legal parameters seeded by data migrations survive a flush (and so every transactional test)."""

import pytest
from django.core.management import call_command

from motcua.catalog.models import Level, PublicationRule
from motcua.control.models import ControlParameter
from motcua.dossiers.models import ExtensionRule, TimelinessRule
from motcua.workdays.models import PeriodEndRule


@pytest.mark.django_db(transaction=True)
def test_flush_reinstalls_the_seeded_legal_parameters():
    call_command("flush", "--no-input", verbosity=0)

    assert Level.objects.exists()
    assert PublicationRule.objects.exists()
    assert ControlParameter.objects.filter(key="due_soon_working_days").exists()
    # The verdict's rule, the apology's limit and the Civil Code's end of a period (issue 13): without them a
    # finished dossier is left ungraded and appointments end at the clock time.
    assert set(TimelinessRule.objects.values_list("code", flat=True)) == {"ND61-2018", "ND118-2025"}
    assert ExtensionRule.objects.filter(valid_to__isnull=True, max_extensions=1).exists()
    assert PeriodEndRule.objects.filter(rule="end_of_day").exists()
