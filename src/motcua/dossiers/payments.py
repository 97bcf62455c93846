"""Fees of a dossier: what is due, the applicant's transfer declaration, the officer's confirmation.

The amount is fixed when the dossier enters (`fee_for`): the fee of the channel in the procedure version in
force, unless the competent agency publishes a local fee (AgencyProcedure.fee). A fee-free dossier has no
payment at all. Collection goes through the payment plugin in the settings (integrations.payment); a
dossier is paid when one payment is confirmed, and paid online only when an online plugin confirmed it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import AgencyProcedure, Procedure, VersionChannel
from motcua.core import audit
from motcua.core.workflow import NEW, SYSTEM, Workflow, row
from motcua.integrations import payment as plugins
from motcua.integrations.payment_reconciliation import PlatformPayment
from motcua.org.models import Agency

from .lifecycle import APPLICANT, ONE_STOP, Status
from .models import Dossier, Payment, PaymentMethod, PaymentStatus
from .rules import roles_on


class PaymentAction(models.TextChoices):
    DECLARE = "declare", _("Khai báo chuyển khoản")
    RECORD = "record", _("Ghi nhận đã nộp")
    CONFIRM = "confirm", _("Xác nhận đã nộp")
    CANCEL = "cancel", _("Hủy khai báo")
    SUPERSEDE = "supersede", _("Hủy do đã nộp bằng khoản khác")


GATEWAY = "payment_gateway"  # an online plugin confirming its own payment (no person acts)
P, PA = PaymentStatus, PaymentAction
# Every status change of a payment (core.workflow); payable() and the roles on the dossier say the rest.
PAYMENT = Workflow(
    "payment",
    (
        row(NEW, PA.DECLARE, P.PENDING, {APPLICANT}),
        row(NEW, PA.RECORD, P.CONFIRMED, {ONE_STOP, GATEWAY}),
        row(P.PENDING, PA.CONFIRM, P.CONFIRMED, {ONE_STOP, GATEWAY}),
        row(P.PENDING, PA.CANCEL, P.CANCELLED, {ONE_STOP}),
        row(P.PENDING, PA.SUPERSEDE, P.CANCELLED, {SYSTEM}),  # a declaration made moot by another payment
    ),
    statuses=PaymentStatus,
    actions=PaymentAction,
    subject=_("khoản nộp"),
)

# A dossier that ended without a decision owes nothing.
NO_FEE_STATES = frozenset({Status.REFUSED, Status.WITHDRAWN, Status.STOPPED})
REFERENCE_MAX = 100


def fee_for(*, limit: VersionChannel, procedure: Procedure, competent: Agency) -> int:
    """The fee due on entry: the competent agency's local fee when it sets one, else the channel's."""
    local = (
        AgencyProcedure.objects.filter(procedure=procedure, agency=competent)
        .values_list("fee", flat=True)
        .first()
    )
    return local if local is not None else limit.fee


def payable(dossier: Dossier) -> bool:
    """Whether a payment may still be declared or recorded for the dossier."""
    return dossier.fee_due > 0 and not dossier.paid and dossier.status not in NO_FEE_STATES


def payments_of(dossier: Dossier) -> QuerySet[Payment]:
    """The payments of a dossier the caller already obtained through a scoped selector."""
    return dossier.payments.select_related("confirmed_by").order_by("requested_at", "id")


def confirmed_of(dossier: Dossier, pk: int) -> Payment | None:
    """A confirmed payment (one with a receipt) of a dossier the caller obtained through a scoped selector."""
    return payments_of(dossier).filter(pk=pk, status=PaymentStatus.CONFIRMED).first()


def pending_of(dossier: Dossier) -> Payment | None:
    return dossier.payments.filter(status=PaymentStatus.PENDING).first()


def instructions(dossier: Dossier) -> plugins.Instructions:
    return plugins.current().instructions(
        code=dossier.code, amount=dossier.fee_due, agency=dossier.receiving_agency
    )


def _locked(dossier: Dossier | int) -> Dossier:
    pk = dossier.pk if isinstance(dossier, Dossier) else dossier
    return Dossier.objects.select_for_update().get(pk=pk)


def _require_payable(dossier: Dossier) -> None:
    if dossier.fee_due <= 0:
        raise ValidationError(_("Hồ sơ này không phải nộp phí, lệ phí. / This dossier has no fee."))
    if dossier.paid:
        raise ValidationError(_("Hồ sơ đã nộp phí, lệ phí. / The fee has already been paid."))
    if dossier.status in NO_FEE_STATES:
        raise ValidationError(
            _("Hồ sơ đã kết thúc, không thu phí. / The dossier has ended; no fee is collected.")
        )


@transaction.atomic
def declare_transfer(*, actor, dossier: Dossier, reference: str, at: datetime | None = None) -> Payment:
    """The applicant says they paid by bank transfer, with the bank's reference; an officer checks it."""
    at = at or timezone.now()
    dossier = _locked(dossier)
    if APPLICANT not in roles_on(actor, dossier):
        raise PermissionDenied(
            _("Chỉ người nộp hồ sơ khai báo chuyển khoản. / Only the applicant may declare.")
        )
    _require_payable(dossier)
    reference = (reference or "").strip()
    if not reference or len(reference) > REFERENCE_MAX:
        raise ValidationError(
            {
                "reference": _(
                    "Nhập mã giao dịch chuyển khoản (tối đa %(n)s ký tự). "
                    "/ Enter the transfer reference (at most %(n)s characters)."
                )
                % {"n": REFERENCE_MAX}
            }
        )
    plugin = plugins.current()
    if not plugin.accepts(PaymentMethod.BANK_TRANSFER):
        raise ValidationError(_("Không nhận chuyển khoản. / Bank transfers are not accepted here."))
    if dossier.payments.filter(status=PaymentStatus.PENDING).exists():
        raise ValidationError(
            _(
                "Đã có một khai báo chuyển khoản đang chờ xác nhận. "
                "/ A transfer declaration is already waiting for confirmation."
            )
        )
    try:
        with transaction.atomic():
            payment = Payment(
                dossier=dossier,
                amount=dossier.fee_due,
                method=PaymentMethod.BANK_TRANSFER,
                reference=reference,
                requested_at=at,
                plugin=plugin.name,
            )
            PAYMENT.start(payment, PA.DECLARE, {APPLICANT})
            payment.save()
    except IntegrityError:  # a parallel declaration won the race
        raise ValidationError(
            _("Đã có một khai báo đang chờ xác nhận. / A declaration is already waiting.")
        ) from None
    audit.record(
        actor=actor,
        action="dossier.payment_declare",
        target=payment,
        changes={"status": ["", payment.status], "amount": [None, payment.amount]},
    )
    return payment


@transaction.atomic
def confirm_payment(
    *,
    actor,
    dossier: Dossier | None = None,
    payment: Payment | None = None,
    method: str = PaymentMethod.COUNTER,
    reference: str = "",
    at: datetime | None = None,
) -> Payment:
    """Confirm a declared payment, or record one taken now (at the counter, by transfer): the dossier is
    paid. An officer of the receiving or current one-stop desk confirms; a gateway plugin confirms its own
    online payments (actor None)."""
    at = at or timezone.now()
    if payment is not None:
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        dossier = payment.dossier
    if dossier is None:
        raise ValueError("confirm_payment needs a dossier or a payment")
    dossier = _locked(dossier)
    plugin = plugins.plugin_named(payment.plugin) if payment else plugins.current()
    gateway = actor is None and plugin.online and (payment is None or payment.method == PaymentMethod.ONLINE)
    if not gateway and ONE_STOP not in roles_on(actor, dossier):
        raise PermissionDenied(
            _(
                "Chỉ công chức Một cửa nơi tiếp nhận hoặc đang giữ hồ sơ xác nhận nộp phí. "
                "/ Only a one-stop officer of the receiving or current desk confirms payments."
            )
        )
    _require_payable(dossier)
    if payment is None:
        if method not in PaymentMethod.values or not plugin.accepts(method):
            raise ValidationError(_("Hình thức nộp phí không hợp lệ. / Unknown payment method."))
        payment = Payment(
            dossier=dossier,
            amount=dossier.fee_due,
            method=method,
            reference=(reference or "").strip()[:REFERENCE_MAX],
            requested_at=at,
            plugin=plugin.name,
        )
    before = payment.status if payment.pk else NEW
    role = GATEWAY if gateway else ONE_STOP
    if payment.pk is None:
        PAYMENT.start(payment, PA.RECORD, {role})
    else:
        PAYMENT.apply(payment, PA.CONFIRM, {role})
    # Another pending declaration is moot once the fee is collected.
    PAYMENT.check(P.PENDING, PA.SUPERSEDE, {SYSTEM})
    dossier.payments.filter(status=PaymentStatus.PENDING).exclude(pk=payment.pk).update(
        status=PaymentStatus.CANCELLED
    )
    payment.confirmed_at = at
    payment.confirmed_by = actor if getattr(actor, "is_authenticated", False) else None
    payment.save()
    online = payment.method == PaymentMethod.ONLINE and plugin.online
    Dossier.objects.filter(pk=dossier.pk).update(paid=True, paid_at=at, paid_online=online)
    audit.record(
        actor=actor,
        action="dossier.payment_confirm",
        target=payment,
        changes={"status": [before, payment.status], "method": [None, payment.method]},
    )
    audit.record(
        actor=actor,
        action="dossier.paid",
        target=dossier,
        changes={"paid": [False, True], "paid_online": [False, online]},
    )
    return payment


@transaction.atomic
def cancel_payment(*, actor, payment: Payment, reason: str) -> Payment:
    """The officer found no such transfer: the declaration is cancelled, the applicant may declare again."""
    payment = Payment.objects.select_for_update().select_related("dossier").get(pk=payment.pk)
    if ONE_STOP not in roles_on(actor, payment.dossier):
        raise PermissionDenied(_("Bạn không có quyền với khoản nộp này. / You may not act on this payment."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Cần nhập lý do. / A reason is required."))
    PAYMENT.apply(payment, PA.CANCEL, {ONE_STOP})
    payment.save(update_fields=["status"])
    audit.record(
        actor=actor,
        action="dossier.payment_cancel",
        target=payment,
        changes={"status": [PaymentStatus.PENDING, payment.status]},
        reason=reason,
    )
    return payment


def gateway_paid(notice) -> str:
    """The online gateway's IPN about a dossier's fee (integrations.payment_gateway, signature already
    checked): confirm it once, as paid online. Returns the outcome the gateway is answered with."""
    dossier = Dossier.objects.filter(code=notice.code).first()
    if dossier is None:
        return "unknown"
    if dossier.paid:
        return "already"
    if notice.amount != dossier.fee_due:
        return "amount"
    if not notice.succeeded:
        return "failed"  # the applicant cancelled or the bank declined: nothing to record
    try:
        confirm_payment(actor=None, dossier=dossier, method=PaymentMethod.ONLINE, reference=notice.reference)
    except IntegrityError:  # the same notice delivered twice at once: the other delivery confirmed it
        return "already"
    except (ValidationError, PermissionDenied):
        return "not_payable"
    return "confirmed"


def confirmed_online(day: date) -> list[PlatformPayment]:
    """Online payments confirmed on `day` (the installation's local day), as the gateway's daily
    reconciliation file is compared with them (integrations.payment_reconciliation)."""
    start = timezone.make_aware(datetime.combine(day, time.min))
    rows = Payment.objects.filter(
        method=PaymentMethod.ONLINE,
        status=PaymentStatus.CONFIRMED,
        confirmed_at__gte=start,
        confirmed_at__lt=start + timedelta(days=1),
    ).select_related("dossier")
    return [
        PlatformPayment(p.reference, p.amount, p.dossier.code) for p in rows.order_by("confirmed_at", "pk")
    ]
