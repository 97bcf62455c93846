"""The demo feedback: every state, across agencies, published answers with votes."""

import pytest
from django.core.management import call_command

from motcua.feedback.models import Feedback
from motcua.feedback.workflows import Status

pytestmark = pytest.mark.django_db


def test_the_demo_has_feedback_in_every_state_across_agencies():
    call_command("load_demo", stdout=None)
    assert set(Feedback.objects.values_list("status", flat=True)) == set(Status.values)
    assert Feedback.objects.values("agency").distinct().count() >= 3
    published = Feedback.objects.filter(status=Status.PUBLISHED)
    assert published.count() >= 5
    assert all(item.answer for item in published)
    assert published.filter(disagree_count__gt=0).exists()
    assert Feedback.objects.filter(channel="national_portal").exists()
