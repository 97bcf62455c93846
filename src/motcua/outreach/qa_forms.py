"""Forms of the Q&A on procedures: the citizen's question and the officers' actions on it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import BootstrapForm
from motcua.org.models import Agency

from .models import FaqTopic


class AskForm(BootstrapForm):
    name = forms.CharField(label=_("Họ và tên"), max_length=200)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=20,
        required=False,
        help_text=_("Cần thư điện tử hoặc số điện thoại để nhận thông báo khi có trả lời."),
    )
    title = forms.CharField(label=_("Tiêu đề câu hỏi"), max_length=255)
    body = forms.CharField(
        label=_("Nội dung câu hỏi"),
        max_length=5000,
        widget=forms.Textarea({"rows": 6}),
        help_text=_("Không ghi số căn cước, địa chỉ nhà hay thông tin riêng không cần thiết."),
    )


class VersionedForm(BootstrapForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class RouteForm(VersionedForm):
    agency = forms.ModelChoiceField(label=_("Cơ quan trả lời"), queryset=Agency.objects.none())

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class ReasonForm(VersionedForm):
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea({"rows": 3}))


class AnswerForm(VersionedForm):
    answer = forms.CharField(
        label=_("Nội dung trả lời"), max_length=10000, widget=forms.Textarea({"rows": 8})
    )


class ApproveForm(VersionedForm):
    pass


class SendBackForm(VersionedForm):
    note = forms.CharField(
        label=_("Ý kiến của lãnh đạo"), max_length=2000, widget=forms.Textarea({"rows": 3})
    )


class PublishForm(VersionedForm):
    topic = forms.ModelChoiceField(label=_("Chủ đề"), queryset=FaqTopic.objects.all())
    published_question = forms.CharField(
        label=_("Câu hỏi công khai"),
        max_length=500,
        help_text=_("Thông tin cá nhân (tên, thư điện tử, số điện thoại, số giấy tờ) được che tự động."),
    )
    published_answer = forms.CharField(
        label=_("Trả lời công khai"), max_length=10000, widget=forms.Textarea({"rows": 8})
    )
