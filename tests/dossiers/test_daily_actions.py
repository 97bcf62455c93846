"""Issue 17: after a hand-over the officer lands on the queue told where the dossier went; refusing and
issuing ask for a ticked confirmation; the return form starts from what the applicant chose."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from tests.dossiers.factories import receive, to_leader


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_after_a_hand_over_the_specialist_lands_on_the_queue_told_where_it_went(client, desk):
    dossier = receive(desk)
    dossier = services.hand_over(actor=desk.officer_a, dossier=dossier, expected_version=dossier.version)
    client.force_login(desk.specialist_a)
    response = client.post(f"/ho-so/{dossier.pk}/hand_over/", {"version": dossier.version}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == "/ho-so/"
    body = response.content.decode()
    assert f"chuyển hồ sơ {dossier.code} đến" in body
    assert "Ký duyệt" in body
    assert Dossier.objects.get(pk=dossier.pk).current_step.name == "Ký duyệt"


@pytest.mark.parametrize("action", ["refuse", "attach_result"])
def test_deciding_actions_need_the_confirmation_ticked(client, desk, action):
    dossier = to_leader(desk, receive(desk))
    client.force_login(desk.leader_a)
    page = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert f'id="confirm-{action}"' in page
    data = {
        "version": dossier.version,
        "reason": "Không đủ điều kiện",
        "number": "1/GKS",
        "signed_on": timezone.localdate().strftime("%d/%m/%Y"),
    }
    refused = client.post(f"/ho-so/{dossier.pk}/{action}/", data, follow=True)
    assert "ô xác nhận" in refused.content.decode()
    assert Dossier.objects.get(pk=dossier.pk).status == "processing"
    done = client.post(f"/ho-so/{dossier.pk}/{action}/", {**data, "confirm": "yes"}, follow=True)
    assert "Đã thực hiện" in done.content.decode()
    assert Dossier.objects.get(pk=dossier.pk).status in ("refused", "result_ready")


def test_no_confirmation_for_everyday_steps(client, desk):
    dossier = receive(desk)
    client.force_login(desk.officer_a)
    page = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert 'id="confirm-hand_over"' not in page


@pytest.mark.parametrize(("by_post", "expected"), [(True, "post"), (False, "counter")])
def test_the_return_form_starts_from_the_applicants_choice(client, desk, by_post, expected):
    dossier = to_leader(desk, receive(desk, result_by_post=by_post))
    dossier = services.attach_result(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=dossier.version,
        number="1",
        signed_on=timezone.localdate(),
    )
    client.force_login(desk.officer_a)
    page = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert f'<option value="{expected}" selected>' in page
