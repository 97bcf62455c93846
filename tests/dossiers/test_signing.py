"""Issue 17, blocker 2: only the process's signing step attaches the result, its holder is the signer, and the
signing day is neither in the future nor before reception."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from motcua.catalog import services as catalog_services
from motcua.core.models import AuditEvent
from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.org.models import Role
from tests.dossiers.factories import STEPS, receive, to_leader


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def at_specialist(desk):
    dossier = receive(desk)
    return services.hand_over(actor=desk.officer_a, dossier=dossier, expected_version=dossier.version)


def attach(actor, dossier, **kwargs):
    values = {"number": "12/GKS", "signed_on": timezone.localdate()}
    values.update(kwargs)
    return services.attach_result(actor=actor, dossier=dossier, expected_version=dossier.version, **values)


def test_the_signing_step_is_copied_from_the_process(desk):
    dossier = receive(desk)
    marked = list(dossier.steps.filter(signs_result=True).values_list("name", flat=True))
    assert marked == ["Ký duyệt"]


def test_the_specialist_cannot_issue_the_result_and_skip_the_leader(desk):
    dossier = at_specialist(desk)
    with pytest.raises(PermissionDenied, match="Ký duyệt"):
        attach(desk.specialist_a, dossier)
    # Not even the leader, who sits above the division: the approval step itself must be reached.
    with pytest.raises(PermissionDenied, match="Ký duyệt"):
        attach(desk.leader_a, dossier)
    assert Dossier.objects.get(pk=dossier.pk).status == "processing"


def test_at_the_signing_step_only_the_holder_of_its_role_signs(desk, make_staff):
    committee = desk.province.communes["Xã A"]["committee"]
    clerk = make_staff(committee, Role.SPECIALIST, username="chuyenvien.ubnd")
    dossier = to_leader(desk, receive(desk))
    with pytest.raises(PermissionDenied, match="Lãnh đạo"):
        attach(clerk, dossier)


def test_the_leader_signs_and_is_the_signer(desk):
    desk.leader_a.full_name = "Văn Đạo Mai"
    desk.leader_a.save()
    dossier = attach(desk.leader_a, to_leader(desk, receive(desk)))
    assert dossier.status == "result_ready"
    stored = Dossier.objects.get(pk=dossier.pk)
    assert stored.result_signed_by == desk.leader_a
    assert stored.result_signer == "Văn Đạo Mai"  # as the leader writes it, never reordered
    event = AuditEvent.objects.filter(action="dossier.attach_result").get()
    assert event.actor == desk.leader_a


def test_the_signing_day_is_not_in_the_future(desk):
    dossier = to_leader(desk, receive(desk))
    with pytest.raises(ValidationError, match="sau hôm nay") as refused:
        attach(desk.leader_a, dossier, signed_on=timezone.localdate() + timedelta(days=1))
    assert "signed_on" in refused.value.message_dict
    with pytest.raises(ValidationError, match="ngày ký"):
        attach(desk.leader_a, dossier, signed_on=None)


def test_the_signing_day_is_not_before_reception(desk):
    dossier = to_leader(desk, receive(desk))
    with pytest.raises(ValidationError, match="trước ngày tiếp nhận"):
        attach(desk.leader_a, dossier, signed_on=timezone.localdate() - timedelta(days=1))


def test_the_page_offers_attach_result_only_to_the_signer(client, desk):
    dossier = at_specialist(desk)
    client.force_login(desk.specialist_a)
    page = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert f"/ho-so/{dossier.pk}/attach_result/" not in page
    assert f"/ho-so/{dossier.pk}/hand_over/" in page
    # Posting anyway is refused with the reason, never a 500.
    response = client.post(
        f"/ho-so/{dossier.pk}/attach_result/",
        {
            "version": dossier.version,
            "number": "1",
            "signed_on": timezone.localdate().strftime("%d/%m/%Y"),
            "confirm": "yes",
        },
        follow=True,
    )
    assert "được cập nhật kết quả" in response.content.decode()
    assert Dossier.objects.get(pk=dossier.pk).status == "processing"

    dossier = services.hand_over(actor=desk.specialist_a, dossier=dossier, expected_version=dossier.version)
    client.force_login(desk.leader_a)
    page = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert f"/ho-so/{dossier.pk}/attach_result/" in page
    assert 'name="signer"' not in page
    # At the signing step the next one is the return to the desk: no hand-over button that can only fail.
    assert f"/ho-so/{dossier.pk}/hand_over/" not in page


def test_the_page_reads_the_signing_day_as_day_month_year_and_ignores_a_typed_signer(client, desk):
    dossier = to_leader(desk, receive(desk))
    client.force_login(desk.leader_a)
    today = timezone.localdate()
    response = client.post(
        f"/ho-so/{dossier.pk}/attach_result/",
        {
            "version": dossier.version,
            "number": "7/GKS",
            "signed_on": today.strftime("%d/%m/%Y"),
            "signer": "X",
            "confirm": "yes",
        },
    )
    assert response.status_code == 302
    stored = Dossier.objects.get(pk=dossier.pk)
    assert stored.result_date == today
    assert stored.result_signer == str(desk.leader_a)
    assert stored.result_signed_by == desk.leader_a


def test_a_bad_signing_day_on_the_page_is_a_message_not_a_500(client, desk):
    dossier = to_leader(desk, receive(desk))
    client.force_login(desk.leader_a)
    for typed in ("31/02/2026", "0001-01-01", "abc", ""):
        response = client.post(
            f"/ho-so/{dossier.pk}/attach_result/",
            {"version": dossier.version, "number": "7/GKS", "signed_on": typed, "confirm": "yes"},
            follow=True,
        )
        assert response.status_code == 200
        assert Dossier.objects.get(pk=dossier.pk).status == "processing"


def test_the_api_refuses_the_specialist(desk):
    from rest_framework.test import APIClient

    dossier = at_specialist(desk)
    api = APIClient()
    api.force_authenticate(desk.specialist_a)
    response = api.post(
        f"/api/v1/dossiers/{dossier.pk}/attach-result/",
        {"expected_version": dossier.version, "number": "1", "signed_on": timezone.localdate().isoformat()},
        format="json",
    )
    assert response.status_code == 403


def test_a_process_names_one_signing_step_and_never_the_desk(desk):
    steps = [dict(step) for step in STEPS]
    steps[1]["signs_result"] = steps[2]["signs_result"] = True
    assert catalog_services.check_process(procedure=desk.procedure, channel="", steps=steps)
    steps = [dict(step) for step in STEPS]
    steps[0]["signs_result"] = True
    assert catalog_services.check_process(procedure=desk.procedure, channel="", steps=steps)
    steps = [dict(step) for step in STEPS]
    steps[1]["signs_result"] = True
    process = catalog_services.save_process(actor=None, procedure=desk.procedure, name="Q", steps=steps)
    assert [s.signs_result for s in process.steps.order_by("position")] == [False, True, False, False]
