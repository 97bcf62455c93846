"""Remote signing (issue 22): the leader confirms on the phone while the plugin polls the service (its
local simulator over real HTTP); a refusal, no answer in time or another document returned stores nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from weasyprint import HTML

from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from motcua.integrations import signatures
from motcua.integrations.signatures import Verdict
from motcua.integrations.signatures.remote_simulator import RemoteSigningSimulator
from tests.dossiers.factories import receive, to_leader
from tests.integrations.portal_server import serving


def remote(settings, url, **overrides):
    settings.MOTCUA_SIGNING_PLUGIN = "remote"
    settings.MOTCUA_REMOTE_SIGNING = {"base_url": url, "timeout": 2, "wait": 1, "interval": 0.05, **overrides}


def attach(desk):
    dossier = to_leader(desk, receive(desk))
    pdf = HTML(string="<h1>Giấy phép</h1>").write_pdf()
    return dossier, lambda: services.attach_result(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=dossier.version,
        number="7/GP",
        signed_on=timezone.localdate(),
        file=SimpleUploadedFile("gp.pdf", pdf),
    )


def test_the_leader_confirms_on_the_phone_and_the_result_is_stored_signed(desk, settings):
    desk.leader_a.full_name = "Trần Thị Duyệt"
    desk.leader_a.save()
    phone = RemoteSigningSimulator(auto_confirm_after=3)
    with serving(phone) as url:
        remote(settings, url)
        dossier, sign = attach(desk)
        sign()
    (request,) = phone.requests.values()
    assert request["polls"] == 3  # the plugin polled until the phone confirmed
    assert request["signer"] == f"motcua-{desk.leader_a.pk}"
    with Dossier.objects.get(pk=dossier.pk).result_file.open("rb") as handle:
        (check,) = signatures.verify(handle.read())
    assert check.verdict is Verdict.VALID
    assert check.signer == "Trần Thị Duyệt"


@pytest.mark.parametrize(
    ("phone", "message"),
    [
        (RemoteSigningSimulator(), "chưa xác nhận ký"),  # nobody confirms within `wait`
        (RemoteSigningSimulator(auto_confirm_after=1, tamper=True), "không phải văn bản đã gửi"),
    ],
)
def test_no_confirmation_or_another_document_stores_nothing(desk, settings, phone, message):
    with serving(phone) as url:
        remote(settings, url)
        dossier, sign = attach(desk)
        with pytest.raises(ValidationError, match=message):
            sign()
    stored = Dossier.objects.get(pk=dossier.pk)
    assert (stored.status, stored.result_file.name) == (dossier.status, "")


def test_a_refusal_on_the_phone_is_told_to_the_leader(desk, settings):
    with serving(RemoteSigningSimulator(refuse=True)) as url:
        remote(settings, url, wait=5)
        _, sign = attach(desk)
        with pytest.raises(ValidationError, match="từ chối ký"):
            sign()


def test_an_unreachable_service_is_a_message_not_a_crash(desk, settings):
    remote(settings, "http://127.0.0.1:9")  # nothing listens on the discard port
    _, sign = attach(desk)
    with pytest.raises(ValidationError, match="không trả lời"):
        sign()
