"""Issue 17: officers search dossiers by code, ID number, phone or name with filters, only among those they
may see; the queue shows the applicant and marks overdue rows."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from motcua.dossiers.models import Dossier
from tests.dossiers.factories import applicant, receive, vn
from tests.factories import CitizenFactory


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def found(desk):
    """Two dossiers at Xã A and one at Xã B."""
    an = receive(desk, applicant=applicant(commune=desk.commune(), name="Nguyễn Văn An"))
    binh = receive(
        desk,
        applicant=applicant(
            commune=desk.commune(), name="Trần Thị Bình", id_number="001199000222", phone="0987654321"
        ),
    )
    other = receive(
        desk,
        centre=desk.centre("Xã B"),
        officer=desk.officer_b,
        applicant=applicant(commune=desk.commune("Xã B"), name="Nguyễn Văn Ánh", id_number="001199000333"),
    )
    return an, binh, other


def codes(client, **params):
    response = client.get("/ho-so/tim-kiem/", params)
    assert response.status_code == 200
    return {row[0].code for row in response.context["rows"]}


def test_by_code_id_number_phone_and_name(client, desk, found):
    an, binh, _other = found
    client.force_login(desk.officer_a)
    assert codes(client, text=binh.code) == {binh.code}
    assert codes(client, text=binh.code.lower()[:-2]) >= {binh.code}
    assert codes(client, text="001199000222") == {binh.code}
    assert codes(client, text="0987 654 321") == {binh.code}
    assert codes(client, text="+84987654321") == {binh.code}
    assert codes(client, text="thị bình") == {binh.code}
    assert codes(client, text="Nguyễn Văn") == {an.code}  # Ánh is Xã B's: not visible here


def test_only_dossiers_the_officer_may_see(client, desk, found):
    _an, _binh, other = found
    client.force_login(desk.officer_a)
    assert codes(client, text=other.code) == set()
    assert codes(client, text="001199000333") == set()
    client.force_login(desk.officer_b)
    assert codes(client, text="001199000333") == {other.code}


def test_filters_by_procedure_status_and_dates(client, desk, found):
    an, binh, _other = found
    client.force_login(desk.officer_a)
    today = timezone.localdate()
    assert codes(client, procedure=desk.procedure.pk) == {an.code, binh.code}
    assert codes(client, procedure=desk.bound_procedure.pk) == set()
    assert codes(client, status="received") == {an.code, binh.code}
    assert codes(client, status="returned") == set()
    assert codes(client, start=today.strftime("%d/%m/%Y"), end=today.strftime("%d/%m/%Y")) == {
        an.code,
        binh.code,
    }
    tomorrow = today + timedelta(days=1)
    assert codes(client, start=tomorrow.strftime("%d/%m/%Y")) == set()


def test_bad_dates_are_messages_not_500(client, desk, found):
    client.force_login(desk.officer_a)
    for params in (
        {"start": "01/01/0001"},
        {"end": "31/12/9999"},
        {"start": "31/02/2026"},
        {"start": "10/03/2026", "end": "01/03/2026"},
        {"procedure": "abc"},
        {"status": "nope"},
    ):
        response = client.get("/ho-so/tim-kiem/", params)
        assert response.status_code == 200, params
        assert response.context["form"].errors, params
        assert response.context["rows"] == []


def test_an_empty_search_lists_nothing_and_a_citizen_is_refused(client, desk, found):
    client.force_login(desk.officer_a)
    assert codes(client) == set()
    client.force_login(CitizenFactory(username="tomo"))
    assert client.get("/ho-so/tim-kiem/", {"text": "An"}).status_code == 403


def test_the_queue_shows_the_applicant_and_marks_overdue_rows(client, desk):
    late = receive(desk, at=vn(2026, 3, 2, 9), applicant=applicant(commune=desk.commune(), name="Lê Quá Hạn"))
    fresh = receive(desk, applicant=applicant(commune=desk.commune(), name="Phạm Đúng Hạn"))
    assert Dossier.objects.get(pk=late.pk).due_at < timezone.now() < Dossier.objects.get(pk=fresh.pk).due_at
    client.force_login(desk.officer_a)
    body = client.get("/ho-so/", {"q": "mine"}).content.decode()
    assert "Lê Quá Hạn" in body
    assert "Phạm Đúng Hạn" in body
    late_row = body[body.index(f"/ho-so/{late.pk}/") - 200 : body.index(f"/ho-so/{late.pk}/")]
    fresh_row = body[body.index(f"/ho-so/{fresh.pk}/") - 200 : body.index(f"/ho-so/{fresh.pk}/")]
    assert "mc-overdue" in late_row
    assert "mc-overdue" not in fresh_row
    assert 'data-label="Người nộp"' in body
