"""Issue 17, minor: queue counts are refreshed for the receiver too. The navigation's counts are cached for
30 s per user; an action clears them for everyone whose queues the dossier entered or left, not only for
the officer who acted."""

import pytest
from django.core.cache import cache

from motcua.dossiers import selectors
from tests.dossiers.factories import receive


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def total(counts: dict[str, int]) -> int:
    return sum(counts.values())


def test_the_specialist_sees_a_handed_over_dossier_in_the_counts_at_once(client, desk):
    dossier = receive(desk)
    before = selectors.recent_queue_counts(desk.specialist_a)  # cached, as the navigation does
    client.force_login(desk.officer_a)
    response = client.post(f"/ho-so/{dossier.pk}/hand_over/", {"version": dossier.version, "reason": ""})
    assert response.status_code == 302
    after = selectors.recent_queue_counts(desk.specialist_a)
    assert total(after) > total(before)
    assert after == selectors.queue_counts(desk.specialist_a)


def test_an_officer_elsewhere_keeps_their_cached_counts(client, desk):
    dossier = receive(desk)
    selectors.recent_queue_counts(desk.officer_b)
    client.force_login(desk.officer_a)
    client.post(f"/ho-so/{dossier.pk}/hand_over/", {"version": dossier.version, "reason": ""})
    assert cache.get(f"dossiers:counts:{desk.officer_b.pk}") is not None
