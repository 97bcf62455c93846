"""Report figures from live feedback (control's registry of computations) and the channels on show."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from motcua.control import computations
from motcua.feedback import services
from motcua.org.models import FeedbackChannel

from .conftest import published, send, vn

pytestmark = pytest.mark.django_db

DECEMBER = (date(2026, 12, 1), date(2026, 12, 31))


def figure(name, groups, period=DECEMBER):
    return computations.get(name).compute(groups, *period, {})


def test_the_figures_are_registered_where_plan_targets_find_them():
    names = {name for name, _ in computations.choices()}
    assert {
        "feedback.received",
        "feedback.in_scope",
        "feedback.handled_on_time",
        "feedback.handled_late",
        "feedback.published",
        "feedback.satisfied_rate",
    } <= names


def test_received_in_scope_handled_published_and_satisfied_by_agency_and_period(world):
    good = published(world, at=vn(2026, 12, 1, 9, 0))
    disliked = published(world, at=vn(2026, 12, 2, 9, 0))
    services.vote(actor=world.citizen, feedback=disliked, agrees=False)
    refused = send(world, at=vn(2026, 12, 3, 9, 0))
    services.refuse(actor=world.receiver, feedback=refused, expected_version=1, reason="Khiếu nại")
    send(world, at=vn(2026, 11, 20, 9, 0))  # another period
    province = [frozenset({world.office.pk, world.justice.pk, world.health.pk})]
    justice = [frozenset({world.justice.pk})]
    health = [frozenset({world.health.pk})]
    assert figure("feedback.received", province) == 3
    assert figure("feedback.in_scope", province) == 2
    assert figure("feedback.handled_on_time", justice) == 2
    assert figure("feedback.handled_late", justice) == 0
    assert figure("feedback.published", justice) == 2
    assert figure("feedback.published", health) == 0
    assert figure("feedback.satisfied_rate", justice) == Decimal("50.00")
    assert figure("feedback.received", province, (date(2026, 11, 1), date(2026, 11, 30))) == 1
    assert good.status == "published"


def test_a_follow_up_about_an_answer_counts_it_unsatisfied(world):
    answer = published(world, at=vn(2026, 12, 1, 9, 0))
    send(world, follow_up_of=answer)
    assert figure("feedback.satisfied_rate", [frozenset({world.justice.pk})]) == Decimal("0.00")


def test_the_service_centre_page_shows_the_feedback_channels(client, world):
    from motcua.org.models import AgencyKind

    centre = world.office.__class__.objects.filter(kind=AgencyKind.PROVINCIAL_SERVICE_CENTRE).get()
    FeedbackChannel.objects.create(agency=centre, kind="hotline", value="1900 1234", position=1)
    FeedbackChannel.objects.create(agency=centre, kind="portal", value="javascript:alert(1)", position=2)
    page = client.get(reverse("portal:centres")).content.decode()
    assert "1900 1234" in page
    assert 'href="javascript' not in page
