"""Forms of the contest pages; the services check everything again (audience, window, files, marks)."""

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import BootstrapForm, BootstrapModelForm, MultipleFileInput, VietnameseDateField
from motcua.org.models import Agency, User

from .models import Contest, Criterion, EntryCategory, GoodModelKind, MemberRole, PhaseKind, Prize
from .setup import GENERAL

TEXT_LIMIT = 20000


class FilesField(forms.FileField):
    """Several files under one name; the service checks each by its content."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput({"accept": ".pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.jpg,.jpeg,.png"})
        )
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        items = data if isinstance(data, list | tuple) else [data]
        return [super(FilesField, self).clean(item, initial) for item in items if item]


class EntryForm(BootstrapForm):
    category = forms.ChoiceField(label=_("Loại"), choices=EntryCategory.choices)
    title = forms.CharField(label=_("Tên sáng kiến, giải pháp, mô hình"), max_length=255)
    summary = forms.CharField(
        label=_("Tóm tắt"),
        max_length=2000,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Vấn đề được giải quyết và kết quả chính, tối đa 2.000 ký tự."),
    )
    description = forms.CharField(
        label=_("Nội dung, cách làm, hiệu quả"), max_length=TEXT_LIMIT, widget=forms.Textarea({"rows": 8})
    )
    author_name = forms.CharField(label=_("Tác giả, nhóm tác giả"), max_length=255)
    organisation_name = forms.CharField(
        label=_("Tên tổ chức, doanh nghiệp (nếu dự thi với tư cách tổ chức)"), max_length=255, required=False
    )
    agency = forms.ModelChoiceField(label=_("Cơ quan dự thi"), queryset=Agency.objects.none(), required=False)
    phone = forms.CharField(label=_("Điện thoại liên hệ"), max_length=20, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    files = FilesField(label=_("Tệp kèm theo (PDF, Word, Excel, ảnh; tối đa 5 tệp, mỗi tệp 20 MB)"))

    def __init__(self, *args: Any, agencies: list[Agency] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if agencies:  # an officer enters for an agency where they work; a citizen for themselves
            self.fields["agency"].queryset = Agency.objects.filter(pk__in=[a.pk for a in agencies])
            self.fields["agency"].required = True
            del self.fields["organisation_name"]
        else:
            del self.fields["agency"]

    def data_for_service(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("files", "agency")}


class CheckForm(BootstrapForm):
    eligible = forms.TypedChoiceField(
        label=_("Kết quả kiểm tra"),
        choices=[("1", _("Hợp lệ")), ("0", _("Không hợp lệ"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Ý kiến (bắt buộc khi không hợp lệ)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea({"rows": 2}),
    )


class ScoreForm(BootstrapForm):
    """One field per criterion, 0 to its maximum, plus a comment."""

    def __init__(self, *args: Any, criteria: list[Criterion], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.DecimalField(
                label=_("%(name)s (tối đa %(max)s điểm, trọng số %(weight)s%%)")
                % {
                    "name": criterion.name,
                    "max": criterion.max_score.normalize(),
                    "weight": criterion.weight.normalize(),
                },
                min_value=Decimal(0),
                max_value=criterion.max_score,
                max_digits=5,
                decimal_places=2,
                help_text=criterion.description,
                localize=True,
            )
        self.fields["comment"] = forms.CharField(
            label=_("Nhận xét"), max_length=4000, required=False, widget=forms.Textarea({"rows": 3})
        )
        self.criteria = criteria

    def marks(self) -> dict[int, Decimal]:
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria}


class ConflictForm(BootstrapForm):
    reason = forms.CharField(label=_("Lý do (quan hệ với tác giả, đơn vị)"), max_length=500)


class RegisterFilterForm(BootstrapForm):
    q = forms.CharField(label=_("Từ khóa"), max_length=100, required=False)
    kind = forms.ChoiceField(
        label=_("Loại"),
        choices=[("", _("Tất cả"))] + [c for c in GoodModelKind.choices if c[0] != "poor"],
        required=False,
    )


# ------------------------------------------------------------------------------------------------ set-up


class ContestSetupForm(BootstrapModelForm):
    """The contest itself and its five phases (dd/mm/yyyy); the code is fixed once created."""

    class Meta:
        model = Contest
        fields = list(GENERAL)
        widgets = {"rules": forms.Textarea({"rows": 6})}

    def __init__(self, *args: Any, organisers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organiser"].queryset = organisers
        self.fields["min_award_score"].localize = True
        self.fields["min_award_score"].widget.is_localized = True
        if self.instance.pk:
            del self.fields["code"]
        phases = {p.kind: p for p in self.instance.phases.all()} if self.instance.pk else {}
        for kind, label in PhaseKind.choices:
            known = phases.get(kind)
            self.fields[f"{kind}_starts"] = VietnameseDateField(
                label=_("%(phase)s: từ ngày") % {"phase": label},
                initial=known.starts_on if known else None,
            )
            self.fields[f"{kind}_ends"] = VietnameseDateField(
                label=_("%(phase)s: đến ngày") % {"phase": label},
                initial=known.ends_on if known else None,
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        last = None
        for kind, label in PhaseKind.choices:
            starts, ends = data.get(f"{kind}_starts"), data.get(f"{kind}_ends")
            if starts and ends and ends < starts:
                self.add_error(
                    f"{kind}_ends",
                    _("Ngày kết thúc phải sau ngày bắt đầu. / The phase must end after it starts."),
                )
            if starts and last and starts < last:
                self.add_error(
                    f"{kind}_starts",
                    _("Giai đoạn “%(phase)s” phải bắt đầu sau giai đoạn trước. / Phases follow in order.")
                    % {"phase": label},
                )
            last = starts or last
        return data

    def general(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k in self.Meta.fields}

    def phases(self) -> dict[str, tuple[date, date]]:
        return {
            k: (self.cleaned_data[f"{k}_starts"], self.cleaned_data[f"{k}_ends"]) for k in PhaseKind.values
        }


class CriterionSetupForm(BootstrapModelForm):
    class Meta:
        model = Criterion
        fields = ["name", "description", "weight", "max_score"]
        widgets = {"description": forms.Textarea({"rows": 2})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix="criterion", **kwargs)
        for name in ("weight", "max_score"):
            self.fields[name].localize = True
            self.fields[name].widget.is_localized = True


class PrizeSetupForm(BootstrapModelForm):
    class Meta:
        model = Prize
        fields = ["name", "count", "amount"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix="prize", **kwargs)


class MemberSetupForm(BootstrapForm):
    user = forms.ModelChoiceField(label=_("Cán bộ"), queryset=User.objects.none())
    role = forms.ChoiceField(label=_("Vai trò"), choices=MemberRole.choices)
    is_chair = forms.BooleanField(label=_("Trưởng ban"), required=False)

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, prefix="member", **kwargs)
        self.fields["user"].queryset = candidates
        self.fields["user"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.username})"
        )


class RemoveForm(BootstrapForm):
    pk = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
