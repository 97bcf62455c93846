"""Page forms: the counter reception (applicant, procedure, checklist) and the tracking lookup."""

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import Procedure
from motcua.org.models import AdministrativeUnit, Agency

TEXT = {"class": "form-control"}


class ReceptionForm(forms.Form):
    centre = forms.ModelChoiceField(
        label=_("Nơi tiếp nhận"),
        queryset=Agency.objects.none(),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    procedure = forms.ModelChoiceField(
        label=_("Thủ tục hành chính"),
        queryset=Procedure.objects.none(),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    applicant_name = forms.CharField(
        label=_("Họ và tên người nộp"), max_length=200, widget=forms.TextInput(TEXT)
    )
    applicant_id_number = forms.CharField(
        label=_("Số định danh cá nhân (CCCD)"),
        max_length=12,
        widget=forms.TextInput({**TEXT, "inputmode": "numeric"}),
    )
    applicant_phone = forms.CharField(
        label=_("Số điện thoại"), max_length=20, widget=forms.TextInput({**TEXT, "inputmode": "tel"})
    )
    applicant_email = forms.EmailField(label=_("Thư điện tử"), required=False, widget=forms.EmailInput(TEXT))
    applicant_address = forms.CharField(
        label=_("Địa chỉ"), max_length=255, required=False, widget=forms.TextInput(TEXT)
    )
    applicant_commune = forms.ModelChoiceField(
        label=_("Xã, phường nơi cư trú"),
        required=False,
        queryset=AdministrativeUnit.objects.none(),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    result_by_post = forms.BooleanField(
        label=_("Nhận kết quả qua dịch vụ bưu chính"),
        required=False,
        widget=forms.CheckboxInput({"class": "form-check-input"}),
    )

    def __init__(self, *args, centres, procedures, communes, version=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres
        self.fields["procedure"].queryset = procedures
        self.fields["applicant_commune"].queryset = communes
        self.required_documents = list(version.documents.all()) if version else []
        for doc in self.required_documents:
            self.fields[f"doc_{doc.pk}_originals"] = forms.IntegerField(
                label=_("Bản chính"),
                min_value=0,
                max_value=20,
                initial=doc.originals,
                required=False,
                widget=forms.NumberInput({**TEXT, "style": "max-width:6rem"}),
            )
            self.fields[f"doc_{doc.pk}_copies"] = forms.IntegerField(
                label=_("Bản sao"),
                min_value=0,
                max_value=20,
                initial=doc.copies,
                required=False,
                widget=forms.NumberInput({**TEXT, "style": "max-width:6rem"}),
            )

    def checklist_rows(self):
        return [
            (doc, self[f"doc_{doc.pk}_originals"], self[f"doc_{doc.pk}_copies"])
            for doc in self.required_documents
        ]


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Mã hồ sơ"), max_length=40, widget=forms.TextInput({**TEXT, "autocomplete": "off"})
    )
    last4 = forms.RegexField(
        label=_("4 số cuối số điện thoại hoặc số định danh"),
        regex=r"^\d{4}$",
        max_length=4,
        error_messages={"invalid": _("Nhập đúng 4 chữ số. / Enter exactly 4 digits.")},
        widget=forms.TextInput({**TEXT, "inputmode": "numeric", "autocomplete": "off"}),
    )
