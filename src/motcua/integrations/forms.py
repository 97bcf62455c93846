from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import BootstrapForm
from motcua.core.uploads import RESULT, check_upload


class VerifyForm(BootstrapForm):
    file = forms.FileField(
        label=_("Tệp kết quả (PDF)"),
        help_text=_("Tệp được kiểm tra rồi bỏ đi, không lưu lại."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload, RESULT)
        return upload
