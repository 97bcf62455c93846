"""Page forms of online submission: the applicant page, and the document store's upload and rename."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from motcua.org.models import AdministrativeUnit, Agency

from .fields import PhoneField

TEXT = {"class": "form-control"}


class AccessibleForm(forms.Form):
    """Ties each input to its help and error texts (aria-describedby) and marks invalid inputs."""

    def full_clean(self):
        super().full_clean()
        self.describe()

    def describe(self) -> None:
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = []
            if field.help_text:
                ids.append(f"{auto_id}_help")
            attrs = field.widget.attrs
            if self.is_bound and name in self.errors:
                ids.append(f"{auto_id}_error")
                attrs["aria-invalid"] = "true"
                css = attrs.get("class", "")
                if "is-invalid" not in css:
                    attrs["class"] = f"{css} is-invalid".strip()
            if ids:
                attrs["aria-describedby"] = " ".join(ids)


class ApplicantForm(AccessibleForm):
    applicant_name = forms.CharField(
        label=_("Họ và tên người nộp"),
        max_length=200,
        widget=forms.TextInput({**TEXT, "autocomplete": "name"}),
        error_messages={"required": _("Nhập họ tên người nộp. / Enter the applicant's name.")},
    )
    applicant_id_number = forms.RegexField(
        label=_("Số định danh cá nhân (CCCD)"),
        regex=r"^(\d{9}|\d{12})$",
        max_length=12,
        widget=forms.TextInput({**TEXT, "inputmode": "numeric"}),
        error_messages={
            "required": _("Nhập số định danh cá nhân. / Enter the ID number."),
            "invalid": _(
                "Số định danh gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND). "
                "/ The ID number has 12 (or 9) digits."
            ),
        },
    )
    applicant_phone = PhoneField(
        label=_("Số điện thoại"),
        max_length=20,
        widget=forms.TextInput({**TEXT, "inputmode": "tel", "autocomplete": "tel"}),
        validators=[
            RegexValidator(
                r"^0\d{9,10}$",
                _(
                    "Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng 0. "
                    "/ The phone number has 10 or 11 digits."
                ),
            )
        ],
        error_messages={"required": _("Nhập số điện thoại. / Enter a phone number.")},
    )
    applicant_email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        widget=forms.EmailInput({**TEXT, "autocomplete": "email"}),
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ. / Invalid e-mail address.")},
    )
    applicant_address = forms.CharField(
        label=_("Địa chỉ"),
        max_length=255,
        required=False,
        widget=forms.TextInput({**TEXT, "autocomplete": "street-address"}),
    )
    applicant_commune = forms.ModelChoiceField(
        label=_("Xã, phường nơi cư trú"),
        queryset=AdministrativeUnit.objects.none(),
        widget=forms.Select({"class": "form-select"}),
        error_messages={
            "required": _("Chọn xã, phường nơi cư trú. / Choose your commune or ward."),
            "invalid_choice": _("Hãy chọn một giá trị trong danh sách. / Choose one of the listed values."),
        },
    )
    centre = forms.ModelChoiceField(
        label=_("Nơi tiếp nhận hồ sơ"),
        queryset=Agency.objects.none(),
        widget=forms.Select({"class": "form-select"}),
        error_messages={
            "required": _("Chọn nơi tiếp nhận hồ sơ. / Choose where the dossier is received."),
            "invalid_choice": _("Hãy chọn một giá trị trong danh sách. / Choose one of the listed values."),
        },
    )
    result_by_post = forms.BooleanField(
        label=_("Nhận kết quả qua dịch vụ bưu chính"),
        required=False,
        widget=forms.CheckboxInput({"class": "form-check-input"}),
    )

    def __init__(self, *args, communes, centres, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applicant_commune"].queryset = communes
        self.fields["centre"].queryset = centres
        self.describe()


class StoreUploadForm(AccessibleForm):
    title = forms.CharField(
        label=_("Tên giấy tờ"),
        max_length=255,
        widget=forms.TextInput(TEXT),
        help_text=_("Ví dụ: Căn cước công dân (mặt trước)"),
        error_messages={"required": _("Nhập tên giấy tờ. / Enter a title.")},
    )
    file = forms.FileField(
        label=_("Tệp (PDF, JPEG, PNG)"),
        widget=forms.ClearableFileInput({**TEXT, "accept": ".pdf,.jpg,.jpeg,.png"}),
        error_messages={
            "required": _("Chọn tệp cần tải lên. / Choose a file to upload."),
            "empty": _("Tệp rỗng. / The file is empty."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class RenameForm(AccessibleForm):
    title = forms.CharField(
        label=_("Tên mới"),
        max_length=255,
        widget=forms.TextInput(TEXT),
        error_messages={"required": _("Nhập tên giấy tờ. / Enter a title.")},
    )
