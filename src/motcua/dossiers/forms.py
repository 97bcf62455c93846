"""Page forms: the counter reception (applicant, procedure, checklist), the officers' search, the register's
period and the tracking lookup."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.catalog.choice_fields import add_case_and_fee_fields, chosen_fees, fee_field_rows
from motcua.catalog.fees import FeeChoice
from motcua.catalog.models import Channel, Procedure, ProcedureVersion
from motcua.core.forms import (
    BootstrapForm,
    BootstrapFormMixin,
    MultipleFileField,
    MultipleFileInput,
    VietnameseDateField,
)
from motcua.core.uploads import DOSSIER_DOCUMENT, size_check_attrs
from motcua.org.models import AdministrativeUnit, Agency

from .lifecycle import Status


class ReceptionForm(BootstrapFormMixin, forms.Form):
    centre = forms.ModelChoiceField(
        label=_("Nơi tiếp nhận"),
        queryset=Agency.objects.none(),
    )
    procedure = forms.ModelChoiceField(
        label=_("Thủ tục hành chính"),
        queryset=Procedure.objects.none(),
    )
    applicant_name = forms.CharField(
        label=_("Họ và tên người nộp"),
        max_length=200,
    )
    applicant_id_number = forms.CharField(
        label=_("Số định danh cá nhân (CCCD)"),
        max_length=12,
        widget=forms.TextInput({"inputmode": "numeric"}),
    )
    applicant_phone = forms.CharField(
        label=_("Số điện thoại"), max_length=20, widget=forms.TextInput({"inputmode": "tel"})
    )
    applicant_email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
    )
    applicant_address = forms.CharField(
        label=_("Địa chỉ"),
        max_length=255,
        required=False,
    )
    applicant_commune = forms.ModelChoiceField(
        label=_("Xã, phường nơi cư trú"),
        required=False,
        queryset=AdministrativeUnit.objects.none(),
    )
    result_by_post = forms.BooleanField(
        label=_("Nhận kết quả qua dịch vụ bưu chính"),
        required=False,
    )

    APPLICANT_FIELDS = (
        "centre",
        "applicant_name",
        "applicant_id_number",
        "applicant_phone",
        "applicant_email",
        "applicant_address",
        "applicant_commune",
    )

    def __init__(self, *args, centres, procedures, communes, version=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
        self.fields["procedure"].queryset = procedures
        self.fields["applicant_commune"].queryset = communes
        self.required_documents = list(version.documents.all()) if version else []
        self.fee_items = []
        if version is not None:
            self._add_case_and_fees(version)
        for doc in self.required_documents:
            self.fields[f"doc_{doc.pk}_originals"] = forms.IntegerField(
                label=_("Bản chính"),
                min_value=0,
                max_value=20,
                initial=doc.originals,
                required=False,
                widget=forms.NumberInput({"style": "max-width:6rem"}),
            )
            self.fields[f"doc_{doc.pk}_copies"] = forms.IntegerField(
                label=_("Bản sao"),
                min_value=0,
                max_value=20,
                initial=doc.copies,
                required=False,
                widget=forms.NumberInput({"style": "max-width:6rem"}),
            )
            # Digitisation at the counter (issue 17; QĐ 766 indicator 3.2): the officer scans the paper and
            # attaches it; the content is checked by the reception service like an online upload.
            self.fields[f"doc_{doc.pk}_scan"] = forms.FileField(
                label=_("Bản quét (số hóa)"),
                required=False,
                widget=forms.ClearableFileInput(
                    {"accept": ".pdf,.jpg,.jpeg,.png", **size_check_attrs(DOSSIER_DOCUMENT)}
                ),
            )

    def _add_case_and_fees(self, version: ProcedureVersion) -> None:
        """The counter's choice of time-limit case and fee rows, from the direct channel of the version."""
        channel = version.channels.filter(channel=Channel.DIRECT).first()
        self.fee_items = add_case_and_fee_fields(self, channel)

    def applicant_fields(self):
        return [self[name] for name in self.APPLICANT_FIELDS]

    def fee_rows(self):
        """(item, its tick box, its quantity or None, its value or None) for the template's table."""
        return fee_field_rows(self, self.fee_items)

    def chosen_fees(self) -> list[FeeChoice]:
        return chosen_fees(self.cleaned_data, self.fee_items)

    def checklist_rows(self):
        return [
            (doc, self[f"doc_{doc.pk}_originals"], self[f"doc_{doc.pk}_copies"], self[f"doc_{doc.pk}_scan"])
            for doc in self.required_documents
        ]


class TrackForm(BootstrapFormMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã hồ sơ"), max_length=40, widget=forms.TextInput({"autocomplete": "off"})
    )
    last4 = forms.RegexField(
        label=_("4 số cuối số điện thoại hoặc số định danh"),
        regex=r"^\d{4}$",
        max_length=4,
        error_messages={"invalid": _("Nhập đúng 4 chữ số. / Enter exactly 4 digits.")},
        widget=forms.TextInput({"inputmode": "numeric", "autocomplete": "off"}),
    )


# Dates an office could mean: anything outside is a typing slip (0001, 9999), refused with a message
# instead of overflowing when turned into a moment of the day.
EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2100, 12, 31)


def _sane(day: date | None) -> date | None:
    if day is not None and not EARLIEST_DAY <= day <= LATEST_DAY:
        raise forms.ValidationError(
            _(
                "Ngày phải trong khoảng %(start)s đến %(end)s. "
                "/ The date must be between %(start)s and %(end)s."
            )
            % {"start": f"{EARLIEST_DAY:%d/%m/%Y}", "end": f"{LATEST_DAY:%d/%m/%Y}"}
        )
    return day


class PeriodMixin:
    """Two VietnameseDateFields, `start` and `end`: each within sane years, the end not before the start."""

    period_fields = ("start", "end")

    def clean(self):
        cleaned = super().clean()
        first, last = self.period_fields
        for name in self.period_fields:
            if cleaned.get(name) is not None:
                try:
                    _sane(cleaned[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)
        start, end = cleaned.get(first), cleaned.get(last)
        if start and end and end < start:
            self.add_error(
                last,
                _("Ngày kết thúc phải từ ngày bắt đầu trở đi. / The end date must not be before the start."),
            )
        return cleaned


class SearchForm(PeriodMixin, BootstrapForm):
    """The officers' search: one text for the code, ID number, phone or name, and filters."""

    text = forms.CharField(
        label=_("Mã hồ sơ, số định danh, điện thoại hoặc tên người nộp"),
        max_length=100,
        required=False,
        widget=forms.TextInput({"type": "search", "autocomplete": "off"}),
    )
    procedure = forms.ModelChoiceField(
        label=_("Thủ tục"), queryset=Procedure.objects.none(), required=False, empty_label=_("Tất cả")
    )
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    start = VietnameseDateField(label=_("Nộp từ ngày"), required=False)
    end = VietnameseDateField(label=_("Đến ngày"), required=False)

    def __init__(self, *args, procedures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedure"].queryset = procedures
        self.fields["status"].choices = [("", _("Tất cả")), *Status.choices]


class RegisterForm(PeriodMixin, BootstrapForm):
    """Form 07's period: a receiving unit the officer may see, two days (dd/mm/yyyy), Excel or PDF."""

    agency = forms.ModelChoiceField(label=_("Đơn vị tiếp nhận"), queryset=Agency.objects.none())
    start = VietnameseDateField(label=_("Từ ngày"))
    end = VietnameseDateField(label=_("Đến ngày"))
    format = forms.ChoiceField(
        label=_("Định dạng"), choices=[("xlsx", "Excel"), ("pdf", "PDF")], required=False
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class CertifyCopyForm(BootstrapForm):
    """The counter's certification of a scanned original (dossiers.certification checks the content)."""

    agency = forms.ModelChoiceField(label=_("Trung tâm chứng thực"), queryset=Agency.objects.none())
    title = forms.CharField(label=_("Tên giấy tờ (bản chính)"), max_length=255)
    issuer = forms.CharField(label=_("Cơ quan cấp bản chính"), max_length=255, required=False)
    holder_name = forms.CharField(label=_("Họ tên người yêu cầu chứng thực"), max_length=200)
    holder_id_number = forms.CharField(
        label=_("Số định danh cá nhân"),
        max_length=12,
        help_text=_("Bản sao vào kho dữ liệu của tài khoản đã định danh điện tử có số này."),
    )
    scans = MultipleFileField(
        label=_("Bản quét bản chính"),
        help_text=_("Một tệp PDF, hoặc các trang ảnh JPEG/PNG theo thứ tự."),
        widget=MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    confirmed = forms.BooleanField(
        label=_("Tôi đã đối chiếu bản quét với bản chính người yêu cầu xuất trình và xác nhận đúng."),
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
