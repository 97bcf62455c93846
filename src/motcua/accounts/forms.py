from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import BootstrapForm, BootstrapFormMixin
from motcua.core.identifiers import IdNumberField, TaxCodeField

from .contacts import parse_contact
from .models import AccountKind, CitizenProfile
from .selectors import communes, provinces
from .services import PROFILE_FIELDS

PASSWORDS_DIFFER = _("Hai mật khẩu không giống nhau. / The two passwords differ.")


class ContactField(forms.CharField):
    """A phone number or an e-mail address; cleans to a `Contact`."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Số điện thoại hoặc thư điện tử"))
        kwargs.setdefault("max_length", 254)
        super().__init__(**kwargs)
        self.widget.attrs.update(
            {"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        )

    def clean(self, value):
        return parse_contact(super().clean(value))


class PasswordPair(forms.Form):
    password1 = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Ít nhất 8 ký tự, không toàn chữ số, không quá giống tên hay số điện thoại."),
    )
    password2 = forms.CharField(
        label=_("Nhập lại mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password2") and data["password1"] != data["password2"]:
            self.add_error("password2", PASSWORDS_DIFFER)
        return data


class RegisterForm(BootstrapFormMixin, PasswordPair):
    kind = forms.ChoiceField(
        label=_("Đăng ký cho"),
        choices=AccountKind.choices,
        initial=AccountKind.CITIZEN,
        widget=forms.RadioSelect,
    )
    full_name = forms.CharField(
        label=_("Họ và tên"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    business_name = forms.CharField(
        label=_("Tên doanh nghiệp, tổ chức"),
        max_length=255,
        required=False,
        help_text=_("Chỉ điền khi đăng ký cho doanh nghiệp, tổ chức."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    contact = ContactField(help_text=_("Mã xác minh sẽ được gửi tới đây."))

    field_order = ["kind", "full_name", "business_name", "contact", "password1", "password2"]

    def clean(self):
        data = super().clean()
        if data.get("kind") == AccountKind.BUSINESS and not (data.get("business_name") or "").strip():
            self.add_error(
                "business_name",
                _("Vui lòng nhập tên doanh nghiệp, tổ chức. / Please enter the name of the business."),
            )
        return data


class CodeForm(BootstrapForm):
    code = forms.RegexField(
        label=_("Mã xác minh (6 chữ số)"),
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        error_messages={"invalid": _("Mã xác minh gồm 6 chữ số. / The verification code has 6 digits.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": r"\d{6}"}
        ),
    )


class ResetRequestForm(BootstrapForm):
    contact = ContactField(help_text=_("Số điện thoại hoặc thư điện tử đã dùng để đăng ký."))


class NewPasswordForm(BootstrapFormMixin, PasswordPair):
    pass


class ContactChangeForm(BootstrapForm):
    contact = ContactField(
        label=_("Số điện thoại hoặc thư điện tử mới"),
        help_text=_(
            "Chúng tôi gửi mã xác minh tới thông tin mới; thông tin cũ giữ nguyên cho tới khi xác minh."
        ),
    )


class ProfileForm(BootstrapFormMixin, forms.ModelForm):
    # People type the number in groups ("001 190 012 345"): the field keeps the digits only.
    id_number = IdNumberField(
        label=_("Số CCCD"),
        required=False,
        help_text=_("12 chữ số trên thẻ căn cước."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    class Meta:
        model = CitizenProfile
        fields = list(PROFILE_FIELDS)
        # "0101234567001" and "0101234567-001" are one tax code: the field stores the second spelling.
        field_classes = {"tax_code": TaxCodeField}
        widgets = {
            "kind": forms.RadioSelect,
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
        }
        help_texts = {
            "business_name": _("Chỉ điền cho doanh nghiệp, tổ chức."),
            "tax_code": _("Chỉ điền cho doanh nghiệp, tổ chức."),
        }

    def __init__(self, *args, locked: frozenset[str] = frozenset(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = AccountKind.choices
        self.fields["province"].queryset = provinces()
        # With JavaScript, the commune list follows the province; without, a button reloads the form.
        self.fields["province"].widget.attrs.update(
            {
                "hx-get": reverse("accounts:commune_options"),
                "hx-target": "#id_commune",
                "hx-trigger": "change",
            }
        )
        chosen = self._chosen_province()
        self.fields["commune"].queryset = communes(chosen)
        if chosen is None:
            self.fields["commune"].help_text = _("Chọn tỉnh, thành phố trước.")
        for name in locked:
            self.fields[name].disabled = True
            self.fields[name].help_text = _("Đã xác thực qua định danh điện tử.")

    def _chosen_province(self):
        raw = self.data.get(self.add_prefix("province")) if self.is_bound else None
        if raw is None:
            return self.instance.province
        try:
            return provinces().filter(pk=int(raw)).first()
        except (TypeError, ValueError):
            return None
