"""Messages to the applicant on every change they should know of, through integrations' channel plugins.

Sent by SMS (the phone is mandatory) and by e-mail when there is an address; queued in the action's
transaction, delivered after commit. Bodies hold the code and dates, never the ID number.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core import rows
from motcua.integrations import notifications
from motcua.integrations.models import Channel, OutboxMessage

from .models import Dossier


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M %d/%m/%Y") if moment else ""


def _texts(dossier: Dossier, kind: str) -> tuple[str, str]:
    name = dossier.procedure_version.name
    # An apology tells the promised date; every other message the appointment.
    due = dossier.promised_at if kind == "extended" and dossier.promised_at else dossier.due_at
    values = {"code": dossier.code, "name": name, "due": _when(due)}
    texts = {
        "submitted": (
            _("Đã nhận hồ sơ %(code)s, đang chờ kiểm tra"),
            _("Hồ sơ %(code)s (%(name)s) đã được hệ thống ghi nhận và đang chờ cán bộ kiểm tra."),
        ),
        "received": (
            _("Hồ sơ %(code)s đã được tiếp nhận"),
            _("Hồ sơ %(code)s (%(name)s) đã được tiếp nhận. Ngày hẹn trả kết quả: %(due)s."),
        ),
        "supplement": (
            _("Hồ sơ %(code)s cần bổ sung"),
            _("Hồ sơ %(code)s cần bổ sung: %(missing)s"),
        ),
        "extended": (
            _("Xin lỗi: hồ sơ %(code)s được hẹn lại ngày trả"),
            _(
                "Cơ quan giải quyết xin lỗi vì hồ sơ %(code)s chậm; ngày hẹn trả mới: %(due)s. "
                "Lý do: %(reason)s"
            ),
        ),
        "result_ready": (
            _("Hồ sơ %(code)s đã có kết quả"),
            _("Hồ sơ %(code)s (%(name)s) đã có kết quả; mời ông/bà nhận theo hình thức đã đăng ký."),
        ),
        "returned": (
            _("Đã trả kết quả hồ sơ %(code)s"),
            _("Kết quả hồ sơ %(code)s đã được trả. Cảm ơn ông/bà đã sử dụng dịch vụ."),
        ),
        "refused": (
            _("Hồ sơ %(code)s không được tiếp nhận, giải quyết"),
            _("Hồ sơ %(code)s bị từ chối. Lý do: %(reason)s"),
        ),
        "stopped": (
            _("Hồ sơ %(code)s dừng giải quyết"),
            _("Hồ sơ %(code)s dừng giải quyết. Lý do: %(reason)s"),
        ),
    }
    subject, body = texts[kind]
    values.update(missing=dossier.missing_documents, reason=getattr(dossier, "_last_reason", ""))
    return subject % values, body % values


def tell_applicant(dossier: Dossier, kind: str, *, reason: str = "") -> None:
    messages = messages_for(dossier, kind, reason=reason)
    rows.insert(messages)
    notifications.deliver_after_commit(messages)


def messages_for(dossier: Dossier, kind: str, *, reason: str = "") -> list[OutboxMessage]:
    """The unsaved messages telling the applicant: SMS always, e-mail when there is an address."""
    dossier._last_reason = reason
    subject, body = _texts(dossier, kind)
    recipients = [(Channel.SMS, dossier.applicant_phone)]
    if dossier.applicant_email:
        recipients.append((Channel.EMAIL, dossier.applicant_email))
    return [
        notifications.compose(
            channel=channel,
            recipient=recipient,
            subject=subject,
            body=body,
            user=dossier.applicant_user,
            reference=f"dossier:{dossier.pk}:{kind}",
        )
        for channel, recipient in recipients
    ]
