"""The forms of the review pages. Numbers are read by the services (bad numbers are their messages too);
these forms bound the text and the choices."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import Procedure
from motcua.core.forms import BootstrapForm
from motcua.core.params import has_control
from motcua.core.uploads import PLAN_ATTACHMENT, PolicyValidator
from motcua.org.models import Agency

from .models import PART_CHOICES, ActionKind, Assessment, Proposal

CODE_SPLIT = re.compile(r"[\s,;]+")
MAX_CODES = 200


def clean_text(value: str) -> str:
    if has_control(value, allow_whitespace=True):
        raise forms.ValidationError(_("Nội dung có ký tự không hợp lệ. / The text holds invalid characters."))
    return value.strip()


def procedures_from_codes(text: str) -> list[Procedure]:
    """The catalog procedures whose national codes the text lists (commas, spaces or lines), in order."""
    codes = [c for c in CODE_SPLIT.split(clean_text(text)) if c]
    if len(codes) > MAX_CODES:
        raise forms.ValidationError(_("Tối đa 200 thủ tục một lần. / At most 200 procedures at once."))
    found = {p.national_code: p for p in Procedure.objects.filter(national_code__in=codes)}
    missing = [c for c in codes if c not in found]
    if missing:
        raise forms.ValidationError(
            _("Không có thủ tục mã: %(codes)s. / No procedure with code: %(codes)s.")
            % {"codes": ", ".join(missing[:10])}
        )
    return [found[c] for c in dict.fromkeys(codes)]


class ItemForm(BootstrapForm):
    codes = forms.CharField(
        label=_("Mã thủ tục"),
        help_text=_("Một hoặc nhiều mã thủ tục, cách nhau bởi dấu phẩy hoặc xuống dòng, ví dụ 1.001193"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
    )
    group_name = forms.CharField(
        label=_("Tên nhóm thủ tục"),
        max_length=255,
        required=False,
        help_text=_("Bắt buộc khi rà soát nhiều thủ tục cùng lúc"),
    )
    reviewing_agency = forms.ModelChoiceField(label=_("Cơ quan rà soát"), queryset=Agency.objects.none())
    due_on = forms.DateField(label=_("Thời hạn hoàn thành"))

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewing_agency"].queryset = agencies

    def clean_codes(self) -> list[Procedure]:
        return procedures_from_codes(self.cleaned_data["codes"])

    def clean_group_name(self) -> str:
        return clean_text(self.cleaned_data["group_name"])


class OptionForm(BootstrapForm):
    proposal = forms.ChoiceField(label=_("Kiến nghị đối với thủ tục"), choices=Proposal.choices)
    option_text = forms.CharField(
        label=_("Nội dung phương án đơn giản hóa"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=10000,
    )
    reason = forms.CharField(
        label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=10000
    )
    implementation = forms.CharField(
        label=_("Kiến nghị thực thi (văn bản, điều khoản cần sửa đổi)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=10000,
    )
    times_before = forms.CharField(label=_("Số lần thực hiện trong 01 năm (hiện tại)"), max_length=20)
    times_after = forms.CharField(label=_("Số lần thực hiện trong 01 năm (sau đơn giản hóa)"), max_length=20)
    subjects = forms.CharField(
        label=_("Số đối tượng tuân thủ trong 01 năm"),
        max_length=20,
        help_text=_("Mặc định là số hồ sơ của thủ tục trên hệ thống trong 12 tháng trước khi rà soát"),
    )

    def clean(self):
        data = super().clean()
        for name in ("option_text", "reason", "implementation"):
            if name in data:
                try:
                    data[name] = clean_text(data[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return data


BLANK = [("", "—")]


class PartForm(BootstrapForm):
    """One row of the constituent-parts table; a row with no assessment is not saved."""

    part = forms.ChoiceField(choices=PART_CHOICES, widget=forms.HiddenInput)
    necessary = forms.ChoiceField(label=_("Cần thiết"), choices=BLANK + Assessment.choices, required=False)
    reasonable = forms.ChoiceField(label=_("Hợp lý"), choices=BLANK + Assessment.choices, required=False)
    lawful = forms.ChoiceField(label=_("Hợp pháp"), choices=BLANK + Assessment.choices, required=False)
    finding = forms.CharField(label=_("Nhận xét"), required=False, max_length=4000)
    proposal = forms.ChoiceField(label=_("Kiến nghị"), choices=Proposal.choices, required=False)
    reason = forms.CharField(label=_("Lý do"), required=False, max_length=4000)

    def clean(self):
        data = super().clean()
        for name in ("finding", "reason"):
            if name in data:
                try:
                    data[name] = clean_text(data[name])
                except forms.ValidationError as error:
                    self.add_error(name, error)
        assessed = [data.get(k) for k in ("necessary", "reasonable", "lawful")]
        if any(assessed) and not all(assessed):
            raise forms.ValidationError(
                _(
                    "Đánh giá đủ cần thiết, hợp lý, hợp pháp cho bộ phận đã chọn. / Assess necessity, "
                    "reasonableness and legality together."
                )
            )
        return data

    @property
    def assessed(self) -> bool:
        return bool(self.cleaned_data.get("necessary"))


PartFormSet = forms.formset_factory(
    PartForm, extra=0, max_num=len(PART_CHOICES), absolute_max=len(PART_CHOICES)
)


class ActionForm(BootstrapForm):
    kind = forms.ChoiceField(label=_("Loại công việc"), choices=ActionKind.choices)
    description = forms.CharField(label=_("Công việc"), max_length=500, required=False)
    hours = forms.CharField(label=_("Số giờ"), max_length=20, required=False)
    money = forms.CharField(label=_("Chi phí bằng tiền (đồng)"), max_length=20, required=False)

    def clean_description(self) -> str:
        return clean_text(self.cleaned_data["description"])


ActionFormSet = forms.formset_factory(ActionForm, extra=3, max_num=60, absolute_max=60)


class ReturnForm(BootstrapForm):
    comment = forms.CharField(
        label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 2}), max_length=4000
    )

    def clean_comment(self) -> str:
        return clean_text(self.cleaned_data["comment"])


class ApproveForm(BootstrapForm):
    number = forms.CharField(label=_("Số quyết định"), max_length=60)
    signed_on = forms.DateField(label=_("Ngày ký"))
    signer = forms.CharField(label=_("Người ký"), max_length=150)
    file = forms.FileField(
        label=_("Tệp quyết định"), required=False, validators=[PolicyValidator(PLAN_ATTACHMENT.name)]
    )
    reviews = forms.ModelMultipleChoiceField(
        label=_("Phương án được phê duyệt"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, reviews, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviews"].queryset = reviews
        self.fields["reviews"].label_from_instance = lambda r: (
            f"{r.procedure.national_code} {r.procedure.name[:120]} — {r.get_proposal_display()} "
            f"({r.item.reviewing_agency.name})"
        )

    def clean_number(self) -> str:
        return clean_text(self.cleaned_data["number"])

    def clean_signer(self) -> str:
        return clean_text(self.cleaned_data["signer"])
