"""Back office of online forms: the TTHC-control officer edits each procedure's fields as JSON, with
history (django-simple-history) and audit events; the field list is checked before it is saved."""

import json

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from motcua.core.admin import AuditedAdmin

from .models import OnlineForm


class PrettyJSONField(forms.JSONField):
    """Indented JSON in the textarea, so that officers read one field per block; bilingual parse errors."""

    default_error_messages = {
        "invalid": _("JSON không hợp lệ (kiểm tra dấu ngoặc, dấu phẩy, ngoặc kép). / Invalid JSON."),
    }

    def prepare_value(self, value):
        if isinstance(value, forms.fields.InvalidJSONInput):
            return value
        return json.dumps(value, ensure_ascii=False, indent=2)


class OnlineFormAdminForm(forms.ModelForm):
    class Meta:
        model = OnlineForm
        fields = [
            "procedure",
            "title",
            "valid_from",
            "valid_to",
            "legal_basis",
            "note",
            "in_person_note",
            "declares",
            "fields",
        ]
        field_classes = {"fields": PrettyJSONField}
        widgets = {"fields": forms.Textarea({"rows": 24, "cols": 100, "style": "font-family: monospace"})}


@admin.register(OnlineForm)
class OnlineFormAdmin(SimpleHistoryAdmin, AuditedAdmin):
    form = OnlineFormAdminForm
    list_display = ["procedure", "title", "valid_from", "valid_to", "legal_basis"]
    list_filter = ["valid_to"]
    search_fields = ["procedure__national_code", "procedure__name", "title"]
    autocomplete_fields = ["procedure"]
