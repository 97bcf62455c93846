from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import BootstrapForm
from motcua.core.uploads import RESULT, check_upload

from .payment_reconciliation import MAX_BYTES, Unreadable, read_file


class VerifyForm(BootstrapForm):
    file = forms.FileField(
        label=_("Tệp kết quả (PDF)"),
        help_text=_("Tệp được kiểm tra rồi bỏ đi, không lưu lại."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload, RESULT)
        return upload


MAX_RECONCILE_DAYS = 92  # one quarter: the portal's listing of a longer period is too large to compare here


class ReconcilePeriodForm(BootstrapForm):
    """The period whose changes the administrator compares with the portal (both days included)."""

    tu = forms.DateField(label=_("Từ ngày"))
    den = forms.DateField(label=_("Đến ngày"))

    def clean(self):
        data = super().clean()
        start, end = data.get("tu"), data.get("den")
        if start and end:
            if end < start:
                raise forms.ValidationError(_("Ngày kết thúc trước ngày bắt đầu."), code="order")
            if (end - start).days >= MAX_RECONCILE_DAYS:
                raise forms.ValidationError(
                    _("Mỗi lần đối soát tối đa %(days)s ngày."),
                    code="too_long",
                    params={"days": MAX_RECONCILE_DAYS},
                )
        return data


class GatewayFileForm(BootstrapForm):
    """The payment gateway's daily reconciliation file (CSV) and the day it covers."""

    ngay = forms.DateField(label=_("Ngày giao dịch"))
    tep = forms.FileField(
        label=_("Tệp đối soát của cổng thanh toán (CSV)"),
        help_text=_("Tệp được đọc để so sánh rồi bỏ đi, không lưu lại."),
    )

    def clean_tep(self):
        upload = self.cleaned_data["tep"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn. / The file is too large."), code="too_large")
        data = upload.read()
        try:
            read_file(data)
        except Unreadable as error:
            raise forms.ValidationError(str(error), code="unreadable") from None
        return data
