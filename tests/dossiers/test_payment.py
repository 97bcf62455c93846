"""Fees: the amount fixed on entry, the applicant's transfer declaration, the desk's confirmation."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from motcua.catalog import services as catalog_services
from motcua.core.models import AuditEvent
from motcua.dossiers import payments, services
from motcua.dossiers.models import Dossier, Payment, PaymentStatus
from motcua.integrations import payment as plugins
from tests.catalog.factories import published
from tests.dossiers.factories import STEPS, applicant, checklist, receive
from tests.factories import CitizenFactory

DIRECT_FEE, ONLINE_FEE = 50_000, 25_000


def fee_procedure(desk, *, local_fee=None):
    channels = [
        {"channel": c, "time_limit": "3", "time_unit": "d", "fee": fee, "description": ""}
        for c, fee in (("direct", DIRECT_FEE), ("online", ONLINE_FEE), ("postal", DIRECT_FEE))
    ]
    procedure = published(name="Chứng thực bản sao từ bản chính", any_boundary=True, channels=channels)
    for commune in desk.province.communes.values():
        catalog_services.apply_procedure(
            actor=None, procedure=procedure, agency=commune["committee"], fee=local_fee
        )
    catalog_services.save_process(actor=None, procedure=procedure, name="Quy trình", steps=STEPS)
    return procedure


def online(desk, citizen, procedure) -> Dossier:
    return services.submit(
        actor=citizen,
        centre=desk.centre(),
        procedure=procedure,
        applicant=applicant(commune=desk.commune()),
        documents=checklist(procedure),
        channel=2,
    )


def test_the_fee_due_is_the_channels_fee_in_the_version_in_force(desk):
    procedure = fee_procedure(desk)
    assert receive(desk, procedure=procedure).fee_due == DIRECT_FEE
    assert online(desk, CitizenFactory(), procedure).fee_due == ONLINE_FEE
    assert receive(desk).fee_due == 0  # a fee-free procedure


def test_the_competent_agencys_local_fee_overrides_the_channel_fee(desk):
    procedure = fee_procedure(desk, local_fee=30_000)
    assert receive(desk, procedure=procedure).fee_due == 30_000
    assert online(desk, CitizenFactory(), procedure).fee_due == 30_000


def test_a_declared_transfer_is_confirmed_by_the_receiving_desk(desk):
    citizen = CitizenFactory()
    dossier = online(desk, citizen, fee_procedure(desk))
    payment = payments.declare_transfer(actor=citizen, dossier=dossier, reference="FT26061234567")
    assert (payment.status, payment.amount, payment.method, payment.plugin) == (
        PaymentStatus.PENDING,
        ONLINE_FEE,
        "bank_transfer",
        "counter",
    )
    with pytest.raises(ValidationError, match="đang chờ xác nhận"):
        payments.declare_transfer(actor=citizen, dossier=dossier, reference="FT2")
    with pytest.raises(PermissionDenied):
        payments.confirm_payment(actor=desk.officer_b, payment=payment)  # another commune's desk
    with pytest.raises(PermissionDenied):
        payments.confirm_payment(actor=citizen, payment=payment)
    with pytest.raises(PermissionDenied):
        payments.confirm_payment(actor=desk.specialist_a, payment=payment)
    payments.confirm_payment(actor=desk.officer_a, payment=payment)
    dossier.refresh_from_db()
    payment.refresh_from_db()
    assert dossier.paid
    assert dossier.paid_at is not None
    assert not dossier.paid_online
    assert (payment.status, payment.confirmed_by) == (PaymentStatus.CONFIRMED, desk.officer_a)
    assert AuditEvent.objects.filter(action="dossier.payment_confirm").count() == 1
    with pytest.raises(ValidationError, match="đã nộp"):
        payments.declare_transfer(actor=citizen, dossier=dossier, reference="FT3")


def test_only_the_applicant_declares_and_only_with_a_reference(desk):
    citizen = CitizenFactory()
    dossier = online(desk, citizen, fee_procedure(desk))
    with pytest.raises(PermissionDenied):
        payments.declare_transfer(actor=CitizenFactory(), dossier=dossier, reference="FT1")
    with pytest.raises(ValidationError, match="mã giao dịch"):
        payments.declare_transfer(actor=citizen, dossier=dossier, reference="  ")
    assert not Payment.objects.exists()


def test_a_fee_free_dossier_takes_no_payment(desk):
    citizen = CitizenFactory()
    dossier = online(desk, citizen, desk.procedure)
    assert not payments.payable(dossier)
    with pytest.raises(ValidationError, match="không phải nộp phí"):
        payments.declare_transfer(actor=citizen, dossier=dossier, reference="FT1")
    with pytest.raises(ValidationError, match="không phải nộp phí"):
        payments.confirm_payment(actor=desk.officer_a, dossier=dossier)


def test_collecting_at_the_counter_cancels_a_pending_declaration(desk):
    citizen = CitizenFactory()
    dossier = online(desk, citizen, fee_procedure(desk))
    declared = payments.declare_transfer(actor=citizen, dossier=dossier, reference="FT1")
    collected = payments.confirm_payment(actor=desk.officer_a, dossier=dossier, method="counter")
    declared.refresh_from_db()
    assert (collected.method, collected.status) == ("counter", PaymentStatus.CONFIRMED)
    assert declared.status == PaymentStatus.CANCELLED


def test_an_officer_cancels_a_transfer_not_found_and_the_applicant_declares_again(desk):
    citizen = CitizenFactory()
    dossier = online(desk, citizen, fee_procedure(desk))
    declared = payments.declare_transfer(actor=citizen, dossier=dossier, reference="FT1")
    with pytest.raises(ValidationError):
        payments.cancel_payment(actor=desk.officer_a, payment=declared, reason="")
    payments.cancel_payment(actor=desk.officer_a, payment=declared, reason="Không có giao dịch FT1")
    again = payments.declare_transfer(actor=citizen, dossier=dossier, reference="FT9")
    assert again.status == PaymentStatus.PENDING


class GatewayPlugin(plugins.Plugin):
    """A provincial gateway as a province would register it: it takes the money online."""

    name = "test_gateway"
    online = True

    def instructions(self, *, code, amount, agency=None):
        return plugins.Instructions(amount=amount, transfer_content=code, account=None, pay_url="/pay")

    def accepts(self, method):
        return method == "online"


def test_only_an_online_plugin_payment_counts_as_paid_online(desk, settings):
    plugins.register(GatewayPlugin)
    settings.MOTCUA_PAYMENT_PLUGIN = "test_gateway"
    dossier = online(desk, CitizenFactory(), fee_procedure(desk))
    with pytest.raises(ValidationError, match="không hợp lệ"):
        payments.confirm_payment(actor=desk.officer_a, dossier=dossier, method="counter")
    payments.confirm_payment(actor=None, dossier=dossier, method="online", reference="GW-1")
    dossier.refresh_from_db()
    assert dossier.paid
    assert dossier.paid_online


def test_the_counter_plugin_never_confirms_without_an_officer(desk):
    dossier = online(desk, CitizenFactory(), fee_procedure(desk))
    with pytest.raises(PermissionDenied):
        payments.confirm_payment(actor=None, dossier=dossier, method="online")


def test_the_officers_page_confirms_a_declaration_and_collects_at_the_counter(client, desk, settings):
    citizen = CitizenFactory()
    procedure = fee_procedure(desk)
    dossier = online(desk, citizen, procedure)
    declared = payments.declare_transfer(actor=citizen, dossier=dossier, reference="FT26061234567")
    client.force_login(desk.officer_a)
    page = client.get(f"/ho-so/{dossier.pk}/").content.decode()
    assert "FT26061234567" in page
    assert "Xác nhận" in page
    assert "Thu phí tại quầy" in page
    client.force_login(desk.officer_b)
    assert client.post(f"/ho-so/{dossier.pk}/thu-phi/", {"payment": declared.pk}).status_code == 404
    client.force_login(desk.officer_a)
    response = client.post(f"/ho-so/{dossier.pk}/thu-phi/", {"payment": declared.pk})
    assert response.status_code == 302
    dossier.refresh_from_db()
    assert dossier.paid
    other = receive(desk, procedure=procedure)
    client.post(f"/ho-so/{other.pk}/thu-phi/")
    other.refresh_from_db()
    assert other.paid
    assert other.payments.get().method == "counter"
    free = receive(desk)
    assert "Thu phí tại quầy" not in client.get(f"/ho-so/{free.pk}/").content.decode()


def test_the_citizens_page_shows_the_bank_account_and_takes_a_declaration(client, desk, settings):
    settings.MOTCUA_PAYMENT_BANK = {
        "bank": "Ngân hàng Thử",
        "account_number": "0123456789",
        "account_name": "Trung tâm PVHCC Xã A",
    }
    citizen = CitizenFactory()
    dossier = online(desk, citizen, fee_procedure(desk))
    client.force_login(citizen)
    url = f"/dich-vu-cong/ho-so-cua-toi/{dossier.pk}/"
    page = client.get(url).content.decode()
    assert "0123456789" in page
    assert f"HS {dossier.code}" in page
    bad = client.post(f"{url}chuyen-khoan/", {"reference": ""}, follow=True)
    assert "/ Enter the transfer reference." in bad.content.decode()
    client.post(f"{url}chuyen-khoan/", {"reference": "FT777"})
    assert dossier.payments.get().reference == "FT777"
    assert "chờ cán bộ xác nhận" in client.get(url).content.decode()
    free = online(desk, citizen, desk.procedure)
    assert "Phí, lệ phí" not in client.get(f"/dich-vu-cong/ho-so-cua-toi/{free.pk}/").content.decode()
