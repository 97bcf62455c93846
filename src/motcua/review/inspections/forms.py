"""Forms of the inspection and misconduct pages; the services check the rules."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import BootstrapForm, MultipleFileField, MultipleFileInput
from motcua.core.uploads import EVIDENCE, PolicyValidator, size_check_attrs
from motcua.org.models import Agency

from ..forms import clean_text
from .models import Source


def _text(label, *, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": 2}), required=required, max_length=10000
    )


class InspectionForm(BootstrapForm):
    plan = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=None)
    agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan được kiểm tra"), queryset=Agency.objects.none()
    )
    subject = _text(_("Nội dung kiểm tra"))
    starts_on = forms.DateField(label=_("Từ ngày"))
    ends_on = forms.DateField(label=_("Đến ngày"))

    def __init__(self, *args: Any, plans, agencies, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["agencies"].queryset = agencies

    def clean_subject(self) -> str:
        return clean_text(self.cleaned_data["subject"])


class MinutesForm(BootstrapForm):
    number = forms.CharField(label=_("Số biên bản"), max_length=60)
    minutes_on = forms.DateField(label=_("Ngày lập biên bản"))
    findings = _text(_("Kết quả kiểm tra, tồn tại"))

    def clean_findings(self) -> str:
        return clean_text(self.cleaned_data["findings"])


class RecommendationForm(BootstrapForm):
    agency = forms.ModelChoiceField(label=_("Cơ quan thực hiện"), queryset=Agency.objects.none())
    text = _text(_("Kiến nghị"))
    due_on = forms.DateField(label=_("Hạn thực hiện"))

    def __init__(self, *args: Any, agencies, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def clean_text(self) -> str:
        return clean_text(self.cleaned_data["text"])


ACCEPT = ".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png"


class EvidenceFilesField(MultipleFileField):
    """Several files in one input (control's field), each checked by its content (core.uploads EVIDENCE)."""

    def __init__(self, **kwargs: Any) -> None:
        attrs = {**size_check_attrs(EVIDENCE), "accept": ACCEPT}
        super().__init__(
            widget=MultipleFileInput(attrs), validators=[PolicyValidator(EVIDENCE.name)], **kwargs
        )


class DoneForm(BootstrapForm):
    done_on = forms.DateField(label=_("Ngày hoàn thành"))
    evidence = _text(_("Kết quả, tài liệu chứng minh"))
    files = EvidenceFilesField(
        label=_("Tệp chứng minh (PDF, Word, Excel, ảnh; tối đa 10 tệp)"), required=False
    )

    def clean_evidence(self) -> str:
        return clean_text(self.cleaned_data["evidence"])


class AcceptForm(BootstrapForm):
    """Accepting needs nothing more than the button."""


class SendBackForm(BootstrapForm):
    reason = _text(_("Lý do trả lại"))

    def clean_reason(self) -> str:
        return clean_text(self.cleaned_data["reason"])


class CaseForm(BootstrapForm):
    agency = forms.ModelChoiceField(label=_("Cơ quan của cán bộ"), queryset=Agency.objects.none())
    official = forms.CharField(label=_("Cán bộ, công chức"), max_length=150)
    source = forms.ChoiceField(label=_("Nguồn phát hiện"), choices=Source.choices)
    feedback_code = forms.CharField(label=_("Mã phản ánh (nếu từ phản ánh)"), max_length=20, required=False)
    occurred_on = forms.DateField(label=_("Ngày xảy ra"))
    description = _text(_("Hành vi"))

    def __init__(self, *args: Any, agencies, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def clean_official(self) -> str:
        return clean_text(self.cleaned_data["official"])

    def clean_description(self) -> str:
        return clean_text(self.cleaned_data["description"])


class MeasuresForm(BootstrapForm):
    case = forms.IntegerField(widget=forms.HiddenInput)
    measures = _text(_("Biện pháp xử lý"))
    measures_on = forms.DateField(label=_("Ngày xử lý"))

    def clean_measures(self) -> str:
        return clean_text(self.cleaned_data["measures"])
