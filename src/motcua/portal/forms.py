"""Page forms of online submission: the applicant page, the document store's upload and rename, and the
tracking lookup of the help page. Styling, error marks and aria attributes come from core.forms."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from motcua.catalog.choice_fields import add_case_and_fee_fields, chosen_fees, fee_field_rows
from motcua.catalog.fees import FeeChoice
from motcua.catalog.models import VersionChannel
from motcua.core.forms import BootstrapForm
from motcua.core.identifiers import IdNumberField, PhoneField
from motcua.core.uploads import DOSSIER_DOCUMENT, size_check_attrs
from motcua.dossiers.services import check_postal_address
from motcua.org.models import AdministrativeUnit, Agency

CHOOSE_LISTED = _("Hãy chọn một giá trị trong danh sách. / Choose one of the listed values.")


class ApplicantForm(BootstrapForm):
    applicant_name = forms.CharField(
        label=_("Họ và tên người nộp"),
        max_length=200,
        widget=forms.TextInput({"autocomplete": "name"}),
        error_messages={"required": _("Nhập họ tên người nộp. / Enter the applicant's name.")},
    )
    # A new entry: the 12-digit personal identification number (core.identifiers, Luật Căn cước 2023).
    applicant_id_number = IdNumberField(
        label=_("Số định danh cá nhân (CCCD)"),
        error_messages={"required": _("Nhập số định danh cá nhân. / Enter the ID number.")},
    )
    applicant_phone = PhoneField(
        label=_("Số điện thoại"),
        error_messages={"required": _("Nhập số điện thoại. / Enter a phone number.")},
    )
    applicant_email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        widget=forms.EmailInput({"autocomplete": "email"}),
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ. / Invalid e-mail address.")},
    )
    applicant_address = forms.CharField(
        label=_("Địa chỉ"),
        max_length=255,
        required=False,
        widget=forms.TextInput({"autocomplete": "street-address"}),
    )
    applicant_commune = forms.ModelChoiceField(
        label=_("Xã, phường nơi cư trú"),
        queryset=AdministrativeUnit.objects.none(),
        error_messages={
            "required": _("Chọn xã, phường nơi cư trú. / Choose your commune or ward."),
            "invalid_choice": CHOOSE_LISTED,
        },
    )
    centre = forms.ModelChoiceField(
        label=_("Nơi tiếp nhận hồ sơ"),
        queryset=Agency.objects.none(),
        error_messages={
            "required": _("Chọn nơi tiếp nhận hồ sơ. / Choose where the dossier is received."),
            "invalid_choice": CHOOSE_LISTED,
        },
    )
    result_by_post = forms.BooleanField(label=_("Nhận kết quả qua dịch vụ bưu chính"), required=False)

    def __init__(self, *args, communes, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applicant_commune"].queryset = communes
        self.fields["centre"].queryset = centres

    def clean(self):
        data = super().clean()
        # The dossier service's own rule, asked on this page so the citizen is not told at the last step.
        try:
            check_postal_address(data.get("result_by_post", False), data.get("applicant_address", ""))
        except ValidationError as error:
            self.add_error(None, error)
        return data


class CaseForm(forms.Form):
    """The time-limit case and the fee rows the citizen says the dossier falls in, from the online channel,
    as the counter picks them (the officer checks them when accepting the dossier)."""

    def __init__(self, *args, channel: VersionChannel | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fee_items = add_case_and_fee_fields(self, channel)

    def fee_rows(self):
        return fee_field_rows(self, self.fee_items)

    def chosen_fees(self) -> list[FeeChoice]:
        return chosen_fees(self.cleaned_data, self.fee_items)


class StoreUploadForm(BootstrapForm):
    title = forms.CharField(
        label=_("Tên giấy tờ"),
        max_length=255,
        help_text=_("Ví dụ: Căn cước công dân (mặt trước)"),
        error_messages={"required": _("Nhập tên giấy tờ. / Enter a title.")},
    )
    file = forms.FileField(
        label=_("Tệp (PDF, JPEG, PNG)"),
        widget=forms.ClearableFileInput({"accept": ".pdf,.jpg,.jpeg,.png"}),
        error_messages={
            "required": _("Chọn tệp cần tải lên. / Choose a file to upload."),
            "empty": _("Tệp rỗng. / The file is empty."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs.update(size_check_attrs(DOSSIER_DOCUMENT))


class RenameForm(BootstrapForm):
    title = forms.CharField(
        label=_("Tên mới"),
        max_length=255,
        error_messages={"required": _("Nhập tên giấy tờ. / Enter a title.")},
    )


class TrackForm(BootstrapForm):
    """The dossier tracking lookup as the help page shows it; it is sent to the tracking page
    (dossiers:track), which reads `code` and `last4` with its own form."""

    code = forms.CharField(
        label=_("Mã hồ sơ"), max_length=40, widget=forms.TextInput({"autocomplete": "off"})
    )
    last4 = forms.CharField(
        label=_("4 số cuối số điện thoại hoặc số định danh"),
        max_length=4,
        widget=forms.TextInput({"inputmode": "numeric", "autocomplete": "off", "pattern": r"\d{4}"}),
    )
