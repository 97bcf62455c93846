"""The forms of the draft-regulation pages. Numbers are read by the services (bad numbers are their
messages too); these forms bound the text and the choices."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import Procedure, PublicationDecision
from motcua.core.forms import BootstrapForm
from motcua.org.models import Agency

from ..forms import clean_text, procedures_from_codes
from .models import Acceptance, ChangeKind, DocumentKind, DraftProcedure

MAX_NEW = 100


def _text(label, *, rows: int = 2, required: bool = False, max_length: int = 10000) -> forms.CharField:
    return forms.CharField(
        label=label, widget=forms.Textarea(attrs={"rows": rows}), required=required, max_length=max_length
    )


class RegisterForm(BootstrapForm):
    plan = forms.ModelChoiceField(label=_("Kế hoạch kiểm soát"), queryset=None)
    kind = forms.ChoiceField(label=_("Loại văn bản"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Tên dự thảo"), max_length=500)
    issuing_body = forms.CharField(label=_("Cơ quan ban hành"), max_length=255)
    drafting_agency = forms.ModelChoiceField(
        label=_("Cơ quan chủ trì soạn thảo"), queryset=Agency.objects.none()
    )
    sent_on = forms.DateField(label=_("Ngày gửi lấy ý kiến"))
    received_on = forms.DateField(label=_("Ngày nhận hồ sơ"))
    amend = _text(_("Mã thủ tục được sửa đổi, bổ sung"), max_length=4000)
    replace = _text(_("Mã thủ tục được thay thế"), max_length=4000)
    abolish = _text(_("Mã thủ tục bị bãi bỏ"), max_length=4000)
    new = _text(_("Thủ tục quy định mới (mỗi dòng một tên)"), rows=3, max_length=40000)

    def __init__(self, *args: Any, plans, agencies, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["drafting_agency"].queryset = agencies

    def clean_title(self) -> str:
        return clean_text(self.cleaned_data["title"])

    def clean_issuing_body(self) -> str:
        return clean_text(self.cleaned_data["issuing_body"])

    def _codes(self, field: str) -> list[Procedure]:
        text = self.cleaned_data.get(field) or ""
        return procedures_from_codes(text) if text.strip() else []

    def clean_amend(self) -> list[Procedure]:
        return self._codes("amend")

    def clean_replace(self) -> list[Procedure]:
        return self._codes("replace")

    def clean_abolish(self) -> list[Procedure]:
        return self._codes("abolish")

    def clean_new(self) -> list[str]:
        names = [line.strip() for line in clean_text(self.cleaned_data["new"]).splitlines() if line.strip()]
        if len(names) > MAX_NEW or any(len(n) > 2000 for n in names):
            raise forms.ValidationError(_("Quá nhiều hoặc quá dài. / Too many or too long."))
        return names

    def procedures(self) -> list[dict[str, Any]]:
        data = self.cleaned_data
        rows: list[dict[str, Any]] = []
        for change in (ChangeKind.AMEND, ChangeKind.REPLACE, ChangeKind.ABOLISH):
            rows += [{"change": change, "procedure": p} for p in data[change]]
        return rows + [{"change": ChangeKind.NEW, "name": n} for n in data["new"]]


class AddProcedureForm(BootstrapForm):
    change = forms.ChoiceField(label=_("Nội dung quy định"), choices=ChangeKind.choices)
    code = forms.CharField(label=_("Mã thủ tục trong danh mục"), max_length=50, required=False)
    name = forms.CharField(label=_("Tên thủ tục trong dự thảo"), max_length=2000, required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        code = clean_text(data.get("code") or "")
        data["procedure"] = procedures_from_codes(code)[0] if code else None
        data["name"] = clean_text(data.get("name") or "")
        return data


class AssessmentForm(BootstrapForm):
    necessity = _text(_("Sự cần thiết"), rows=3)
    reasonableness = _text(_("Tính hợp lý"), rows=3)
    legality = _text(_("Tính hợp pháp"), rows=3)
    times_before = forms.CharField(label=_("Số lần thực hiện trong 01 năm (hiện tại)"), max_length=20)
    times_after = forms.CharField(label=_("Số lần thực hiện trong 01 năm (theo dự thảo)"), max_length=20)
    subjects = forms.CharField(label=_("Số đối tượng tuân thủ trong 01 năm"), max_length=20)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for field in ("necessity", "reasonableness", "legality"):
            if field in data:
                data[field] = clean_text(data[field])
        return data


class _PerRowForm(BootstrapForm):
    """A form with a field (or two) for each procedure in the draft, named after the row."""

    def __init__(self, *args: Any, rows: list[DraftProcedure], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.add_row_fields(row)

    def add_row_fields(self, row: DraftProcedure) -> None:
        raise NotImplementedError


class AnswerForm(_PerRowForm):
    number = forms.CharField(label=_("Số văn bản góp ý"), max_length=60)
    answered_on = forms.DateField(label=_("Ngày góp ý"))
    text = _text(_("Ý kiến chung"), rows=3, required=True)

    def add_row_fields(self, row: DraftProcedure) -> None:
        self.fields[f"opinion-{row.pk}"] = _text(
            _("Ý kiến về thủ tục: %(name)s") % {"name": row.name[:150]}, rows=2, required=True
        )

    def opinions(self) -> dict[int, str]:
        return {row.pk: clean_text(self.cleaned_data[f"opinion-{row.pk}"]) for row in self.rows}


class ExplainForm(_PerRowForm):
    received_on = forms.DateField(label=_("Ngày nhận văn bản tiếp thu, giải trình"))
    text = _text(_("Tiếp thu, giải trình chung"), rows=3)

    def add_row_fields(self, row: DraftProcedure) -> None:
        name = row.name[:150]
        self.fields[f"acceptance-{row.pk}"] = forms.ChoiceField(
            label=_("Tiếp thu ý kiến về: %(name)s") % {"name": name}, choices=[("", "—"), *Acceptance.choices]
        )
        self.fields[f"explanation-{row.pk}"] = _text(_("Giải trình về: %(name)s") % {"name": name}, rows=2)

    def answers(self) -> dict[int, dict[str, str]]:
        data = self.cleaned_data
        return {
            row.pk: {
                "acceptance": data[f"acceptance-{row.pk}"],
                "explanation": clean_text(data[f"explanation-{row.pk}"]),
            }
            for row in self.rows
        }


class IssueForm(BootstrapForm):
    number = forms.CharField(label=_("Số, ký hiệu văn bản ban hành"), max_length=60)
    issued_on = forms.DateField(label=_("Ngày ban hành"))

    def clean_number(self) -> str:
        return clean_text(self.cleaned_data["number"])


class PublicationForm(BootstrapForm):
    number = forms.CharField(label=_("Số quyết định công bố"), max_length=60)

    def clean_number(self) -> PublicationDecision:
        number = clean_text(self.cleaned_data["number"])
        found = PublicationDecision.objects.filter(number=number).first()
        if found is None:
            raise forms.ValidationError(
                _("Không có quyết định công bố số %(n)s. / No publication decision numbered %(n)s.")
                % {"n": number}
            )
        return found
