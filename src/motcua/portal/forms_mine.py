"""Forms of the citizen's dossier pages: supplement online, withdraw, declare a bank transfer."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import BootstrapForm, MultipleFileInput
from motcua.core.uploads import DOSSIER_DOCUMENT, check_upload, size_check_attrs

DEFAULT_MAX_FILES = 5


def max_files() -> int:
    return getattr(settings, "MOTCUA_SUPPLEMENT_MAX_FILES", DEFAULT_MAX_FILES)


class MultipleFileField(forms.FileField):
    """Several files under one name; each is checked by its content (PDF, JPEG, PNG) and size."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput({"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else [data]
        files = [super(MultipleFileField, self).clean(item, initial) for item in items if item]
        if len(files) > max_files():
            raise ValidationError(
                _("Tối đa %(n)s tệp mỗi lần bổ sung. / At most %(n)s files per supplement.")
                % {"n": max_files()}
            )
        errors = []
        for upload in files:
            try:
                check_upload(upload, DOSSIER_DOCUMENT)
            except ValidationError as error:
                errors.extend(f"{upload.name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return files


class VersionedForm(BootstrapForm):
    # The version the citizen saw: the service refuses when an officer changed the dossier since.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class SupplementForm(VersionedForm):
    answer = forms.CharField(
        label=_("Nội dung trả lời, giải trình"),
        required=False,
        max_length=2000,
        widget=forms.Textarea({"rows": 4}),
    )
    files = MultipleFileField(label=_("Tệp bổ sung (PDF, JPEG, PNG)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _("Tối đa %(n)s tệp; chỉ nhận PDF, JPEG, PNG.") % {"n": max_files()}
        self.fields["files"].widget.attrs.update(size_check_attrs(DOSSIER_DOCUMENT))

    def clean(self):
        data = super().clean()
        if not (data.get("answer") or "").strip() and not data.get("files") and not self.errors:
            raise ValidationError(
                _(
                    "Nhập nội dung trả lời hoặc đính kèm ít nhất một tệp. "
                    "/ Write an answer or attach at least one file."
                )
            )
        return data


class WithdrawForm(VersionedForm):
    reason = forms.CharField(
        label=_("Lý do rút hồ sơ"),
        max_length=1000,
        widget=forms.Textarea({"rows": 3}),
        error_messages={"required": _("Cần nhập lý do rút hồ sơ. / A reason is required.")},
    )


class TransferForm(BootstrapForm):
    reference = forms.CharField(
        label=_("Mã giao dịch chuyển khoản"),
        max_length=100,
        widget=forms.TextInput({"autocomplete": "off"}),
        error_messages={
            "required": _("Nhập mã giao dịch chuyển khoản. / Enter the transfer reference."),
            "max_length": _("Mã giao dịch tối đa 100 ký tự. / At most 100 characters."),
        },
    )
