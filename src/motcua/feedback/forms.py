"""Forms of the feedback pages. They read and shape input; the services decide (and check uploads)."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import Procedure, Sector
from motcua.core.forms import BootstrapForm, MultipleFileInput
from motcua.core.identifiers import PhoneField
from motcua.org.models import Agency

from .models import Category, Channel, Kind, SenderKind

TEXT_LIMIT = 10000


class FilesField(forms.FileField):
    """Several files under one name; the service checks each by its content (PDF, JPEG, PNG)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput({"accept": ".pdf,.jpg,.jpeg,.png"}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        items = data if isinstance(data, list | tuple) else [data]
        return [super(FilesField, self).clean(item, initial) for item in items if item]


class FeedbackForm(BootstrapForm):
    """What a sender writes: who they are, how to answer them, and what is wrong with which rule."""

    sender_kind = forms.ChoiceField(
        label=_("Người gửi là"),
        choices=SenderKind.choices,
        initial=SenderKind.PERSON,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(label=_("Họ tên hoặc tên tổ chức"), max_length=200)
    address = forms.CharField(label=_("Địa chỉ"), max_length=255, required=False)
    phone = PhoneField(label=_("Điện thoại"), required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    kind = forms.ChoiceField(
        label=_("Loại"), choices=Kind.choices, initial=Kind.REPORT, widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("Tiêu đề"), max_length=255)
    content = forms.CharField(
        label=_("Nội dung phản ánh, kiến nghị"), max_length=TEXT_LIMIT, widget=forms.Textarea({"rows": 6})
    )
    proposal = forms.CharField(
        label=_("Đề xuất (nếu có)"), max_length=5000, required=False, widget=forms.Textarea({"rows": 3})
    )
    regulation = forms.CharField(
        label=_("Văn bản quy định liên quan"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: Nghị định 123/2015/NĐ-CP"),
    )
    regulation_article = forms.CharField(label=_("Điều, khoản"), max_length=100, required=False)
    procedure_code = forms.CharField(
        label=_("Mã thủ tục hành chính (nếu có)"),
        max_length=30,
        required=False,
        help_text=_("Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.001193"),
    )
    files = FilesField(label=_("Tệp đính kèm (PDF, JPEG, PNG; tối đa 5 tệp)"))

    def clean_procedure_code(self) -> Procedure | None:
        code = self.cleaned_data.get("procedure_code", "").strip()
        if not code:
            return None
        found = Procedure.objects.filter(national_code=code).first()
        if found is None:
            raise forms.ValidationError(
                _("Không tìm thấy thủ tục có mã này. / No procedure has this code."), code="unknown"
            )
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("phone") and not data.get("email") and not self.errors.get("phone"):
            self.add_error(
                "phone",
                _("Cần số điện thoại hoặc thư điện tử để nhận trả lời. / A phone or an e-mail is required."),
            )
        return data

    def sender_data(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "kind": d["sender_kind"],
            "name": d["name"],
            "address": d["address"],
            "phone": d["phone"],
            "email": d["email"],
        }

    def content_data(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "kind": d["kind"],
            "title": d["title"],
            "content": d["content"],
            "proposal": d["proposal"],
            "regulation": d["regulation"],
            "regulation_article": d["regulation_article"],
            "procedure": d["procedure_code"],
        }


class RecordForm(FeedbackForm):
    """An officer enters what came by letter, phone, e-mail or in person."""

    channel = forms.ChoiceField(
        label=_("Kênh tiếp nhận"),
        choices=[(c.value, c.label) for c in Channel if c not in (Channel.PORTAL, Channel.NATIONAL_PORTAL)],
    )

    def __init__(self, *args: Any, desks: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["receiving_agency"] = forms.ModelChoiceField(
            label=_("Nơi tiếp nhận"),
            queryset=Agency.objects.filter(pk__in=[d.pk for d in desks]),
            initial=desks[0].pk if len(desks) == 1 else None,
        )
        self.order_fields(["channel", "receiving_agency"])


class TrackForm(BootstrapForm):
    code = forms.CharField(
        label=_("Mã phản ánh"), max_length=20, widget=forms.TextInput({"autocomplete": "off"})
    )
    secret = forms.CharField(
        label=_("4 số cuối điện thoại hoặc địa chỉ thư điện tử đã khai"),
        max_length=254,
        widget=forms.TextInput({"autocomplete": "off"}),
    )


class SupplementForm(BootstrapForm):
    text = forms.CharField(
        label=_("Nội dung bổ sung"), max_length=TEXT_LIMIT, widget=forms.Textarea({"rows": 4})
    )
    files = FilesField(label=_("Tệp bổ sung (PDF, JPEG, PNG)"))


class VoteForm(forms.Form):
    agrees = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1")


class PublicFilterForm(BootstrapForm):
    q = forms.CharField(label=_("Từ khóa"), max_length=100, required=False)
    sector = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=Sector.objects.none(), required=False)
    agency = forms.ModelChoiceField(
        label=_("Cơ quan trả lời"), queryset=Agency.objects.none(), required=False
    )

    def __init__(self, *args: Any, sectors: QuerySet[Sector], agencies: QuerySet[Agency], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = sectors  # type: ignore[attr-defined]
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------------------- officer


class VersionedForm(BootstrapForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class NoteForm(VersionedForm):
    note = forms.CharField(
        label=_("Ghi chú"), max_length=2000, required=False, widget=forms.Textarea({"rows": 2})
    )


class RefuseForm(VersionedForm):
    reason = forms.CharField(
        label=_("Lý do và nơi có thẩm quyền giải quyết"),
        max_length=2000,
        widget=forms.Textarea({"rows": 3}),
        help_text=_(
            "Khiếu nại giải quyết theo Luật Khiếu nại, tố cáo theo Luật Tố cáo: nêu rõ cơ quan tiếp nhận."
        ),
    )


class AskForm(VersionedForm):
    missing = forms.CharField(
        label=_("Nội dung cần bổ sung"), max_length=2000, widget=forms.Textarea({"rows": 3})
    )


class AcceptForm(VersionedForm):
    category = forms.ChoiceField(label=_("Phân loại"), choices=Category.choices, widget=forms.RadioSelect)
    kind = forms.ChoiceField(label=_("Loại"), choices=Kind.choices, widget=forms.RadioSelect)
    sector = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=Sector.objects.all(), required=False)


class AgencyForm(VersionedForm):
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Agency.objects.none())
    note = forms.CharField(
        label=_("Ghi chú"), max_length=2000, required=False, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies  # type: ignore[attr-defined]


class AnswerForm(VersionedForm):
    answer = forms.CharField(
        label=_("Dự thảo trả lời"), max_length=TEXT_LIMIT, widget=forms.Textarea({"rows": 6})
    )


class OfficerSupplementForm(VersionedForm):
    text = forms.CharField(
        label=_("Nội dung người gửi bổ sung"), max_length=TEXT_LIMIT, widget=forms.Textarea({"rows": 3})
    )
