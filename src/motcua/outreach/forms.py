from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.control.forms import DATE, Styled
from motcua.org.models import Agency

from .models import ActivityKind, CommunicationActivity


class ActivityForm(Styled, forms.ModelForm):
    agency = forms.ModelChoiceField(label=_("Cơ quan thực hiện"), queryset=Agency.objects.none())
    evidence_link = forms.URLField(label=_("Đường dẫn minh chứng"), required=False, assume_scheme="https")

    class Meta:
        model = CommunicationActivity
        fields = [
            "agency",
            "kind",
            "title",
            "held_on",
            "channel",
            "audience",
            "reach",
            "evidence",
            "evidence_link",
            "task",
        ]
        widgets = {"held_on": DATE}

    def __init__(self, *args, agencies, tasks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["task"].queryset = tasks


class FilterForm(Styled, forms.Form):
    kind = forms.ChoiceField(
        label=_("Hình thức"), choices=[("", _("Tất cả")), *ActivityKind.choices], required=False
    )
    start = forms.DateField(label=_("Từ ngày"), required=False, widget=DATE)
    end = forms.DateField(label=_("Đến ngày"), required=False, widget=DATE)
