"""Public tracking: a code plus the last four digits of the phone or ID number, nothing else revealed.

Rate-limited per client address (core.throttle.within_allowance), against guessing codes one after
another.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy

from motcua.core import throttle

from . import signing
from .lifecycle import Action, Status
from .models import Dossier
from .selectors import public_timeline

DEFAULT_LIMIT = (20, 600)  # lookups, per seconds
LIMIT_MESSAGE = gettext_lazy(
    "Bạn đã tra cứu quá nhiều lần; vui lòng thử lại sau ít phút. "
    "/ Too many lookups; try again in a few minutes."
)
NOT_FOUND_MESSAGE = gettext_lazy(
    "Không tìm thấy hồ sơ với mã và 4 số cuối đã nhập. / No dossier matches this code and these digits."
)
# What each action means for the applicant, in plain words.
PLAIN = {
    Action.SUBMIT: gettext_lazy("Hồ sơ đã được nộp, chờ cán bộ kiểm tra"),
    Action.RECEIVE_AT_COUNTER: gettext_lazy("Hồ sơ đã được tiếp nhận tại quầy"),
    Action.RECEIVE: gettext_lazy("Hồ sơ đã được kiểm tra và tiếp nhận"),
    Action.REQUEST_COMPLETION: gettext_lazy("Cần hoàn thiện hồ sơ"),
    Action.REFUSE: gettext_lazy("Hồ sơ bị từ chối"),
    Action.HAND_OVER: gettext_lazy("Hồ sơ được chuyển xử lý"),
    Action.SEND_BACK: gettext_lazy("Hồ sơ được xem xét lại"),
    Action.REQUEST_SUPPLEMENT: gettext_lazy("Cần bổ sung hồ sơ"),
    Action.SUPPLEMENT: gettext_lazy("Đã nhận hồ sơ bổ sung"),
    Action.STOP: gettext_lazy("Dừng giải quyết hồ sơ"),
    Action.EXTEND: gettext_lazy("Cơ quan xin lỗi và hẹn lại ngày trả kết quả"),
    Action.WITHDRAW: gettext_lazy("Hồ sơ đã được rút"),
    Action.ATTACH_RESULT: gettext_lazy("Đã có kết quả"),
    Action.RETURN_RESULT: gettext_lazy("Đã trả kết quả"),
}
# Reasons the applicant must read (what to supplement, why refused …); step notes stay internal.
PUBLIC_REASONS = {
    Action.REQUEST_COMPLETION,
    Action.REQUEST_SUPPLEMENT,
    Action.REFUSE,
    Action.STOP,
    Action.EXTEND,
}


def allow(request) -> bool:
    """Count this lookup; False once the address has used its allowance for the window."""
    limit, window = getattr(settings, "MOTCUA_TRACKING_LIMIT", DEFAULT_LIMIT)
    return throttle.within_allowance(request, "dossiers:track", limit, window)


def public_view(dossier: Dossier) -> dict:
    return {
        "code": dossier.code,
        "procedure": dossier.procedure_version.name,
        "status": dossier.status,
        "status_label": str(Status(dossier.status).label),
        "due_at": dossier.due_at,
        "promised_at": dossier.promised_at,
        "missing": dossier.missing_documents,
        # Who signed the result file and when, checked against the stored file on each lookup.
        "signatures": signing.result_checks(dossier),
        "timeline": [
            {
                "at": timezone.localtime(event.occurred_at).strftime("%H:%M %d/%m/%Y"),
                "what": str(PLAIN[event.action]),
                "where": event.to_agency.name if event.to_agency else "",
                "note": event.reason if event.action in PUBLIC_REASONS else "",
            }
            for event in public_timeline(dossier)
        ],
    }
