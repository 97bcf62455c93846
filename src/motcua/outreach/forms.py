from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.catalog.selectors import public_procedure
from motcua.core.forms import BootstrapFormMixin
from motcua.org.models import Agency

from .models import ActivityKind, CommunicationActivity, FaqTopic


class ActivityForm(BootstrapFormMixin, forms.ModelForm):
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

    def __init__(self, *args, agencies, tasks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["task"].queryset = tasks


class FilterForm(BootstrapFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Hình thức"), choices=[("", _("Tất cả")), *ActivityKind.choices], required=False
    )
    start = forms.DateField(label=_("Từ ngày"), required=False)
    end = forms.DateField(label=_("Đến ngày"), required=False)


class FaqTopicForm(BootstrapFormMixin, forms.Form):
    name = forms.CharField(label=_("Tên chủ đề"), max_length=150)
    order = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=32767, initial=0)


class FaqForm(BootstrapFormMixin, forms.Form):
    topic = forms.ModelChoiceField(label=_("Chủ đề"), queryset=FaqTopic.objects.none())
    agency = forms.ModelChoiceField(label=_("Cơ quan trả lời"), queryset=Agency.objects.none())
    question = forms.CharField(label=_("Câu hỏi"), max_length=500)
    answer = forms.CharField(
        label=_("Trả lời"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Văn bản thường; để một dòng trống giữa các đoạn. Địa chỉ web tự thành liên kết."),
    )
    procedure_code = forms.CharField(
        label=_("Mã thủ tục liên quan"),
        max_length=30,
        required=False,
        help_text=_("Không bắt buộc, ví dụ 1.001193"),
    )
    order = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=32767, initial=0)
    published = forms.BooleanField(label=_("Công khai trên cổng dịch vụ công"), required=False)

    def __init__(self, *args, topics, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = topics
        self.fields["agency"].queryset = agencies

    def clean_procedure_code(self):
        code = self.cleaned_data["procedure_code"].strip()
        if not code:
            return None
        procedure = public_procedure(code)
        if procedure is None:
            raise forms.ValidationError(
                _("Không có thủ tục đã công bố mang mã này. / No published procedure has this code.")
            )
        return procedure

    def service_data(self) -> dict:
        """The cleaned data under the names the services take."""
        data = dict(self.cleaned_data)
        data["procedure"] = data.pop("procedure_code")
        return data


class FaqFilterForm(BootstrapFormMixin, forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Chủ đề"), queryset=FaqTopic.objects.all(), required=False, empty_label=_("Tất cả")
    )
    q = forms.CharField(label=_("Tìm câu hỏi"), max_length=200, required=False)
