"""Forms of the e-bulletin: the article (HTML body, cleaned by the service), the editor's actions, media."""

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.catalog.selectors import public_procedure
from motcua.core.forms import BootstrapForm, VietnameseDateField
from motcua.org.models import Agency

from .models import ArticleCategory, BulletinIssue
from .qa_forms import VersionedForm


class ArticleForm(BootstrapForm):
    agency = forms.ModelChoiceField(label=_("Cơ quan đăng"), queryset=Agency.objects.none())
    category = forms.ModelChoiceField(label=_("Chuyên mục"), queryset=ArticleCategory.objects.all())
    issue = forms.ModelChoiceField(
        label=_("Thuộc số bản tin"), queryset=BulletinIssue.objects.all(), required=False
    )
    title = forms.CharField(label=_("Tiêu đề"), max_length=255)
    summary = forms.CharField(label=_("Tóm tắt"), max_length=1000, widget=forms.Textarea({"rows": 3}))
    body = forms.CharField(
        label=_("Nội dung"),
        max_length=200000,
        widget=forms.Textarea({"rows": 16}),
        help_text=_(
            "HTML: đoạn <p>, tiêu đề <h2>, <h3>, danh sách, bảng, liên kết, ảnh <img> từ thư viện ảnh. "
            "Mã lệnh và thuộc tính không an toàn bị loại bỏ khi lưu."
        ),
    )
    byline = forms.CharField(label=_("Tác giả, nguồn hiển thị"), max_length=150, required=False)
    procedure_codes = forms.CharField(
        label=_("Mã thủ tục liên quan"),
        max_length=500,
        required=False,
        help_text=_("Cách nhau bởi dấu phẩy, ví dụ 1.001193, 2.000986"),
    )
    related_agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan liên quan"), queryset=Agency.objects.none(), required=False
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["related_agencies"].queryset = agencies

    def clean_procedure_codes(self):
        found, unknown = [], []
        for code in (c.strip() for c in self.cleaned_data["procedure_codes"].split(",")):
            if not code:
                continue
            procedure = public_procedure(code[:30])
            (found if procedure else unknown).append(procedure or code)
        if unknown:
            raise forms.ValidationError(
                _("Không có thủ tục đã công bố mang mã: %(codes)s / No published procedure has these codes.")
                % {"codes": ", ".join(unknown)}
            )
        return found

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("agency")
        data["procedures"] = data.pop("procedure_codes")
        data["agencies"] = data.pop("related_agencies")
        return data


class NoteForm(VersionedForm):
    note = forms.CharField(label=_("Ý kiến biên tập"), max_length=2000, widget=forms.Textarea({"rows": 3}))


class ApproveArticleForm(VersionedForm):
    publish_on = VietnameseDateField(
        label=_("Ngày đăng"),
        required=False,
        help_text=_("Để trống để đăng ngay; chọn ngày sau hôm nay để hẹn đăng."),
    )
    publish_time = forms.TimeField(label=_("Giờ đăng"), required=False, initial="07:00")


class ReasonForm(VersionedForm):
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea({"rows": 2}))


class MediaForm(BootstrapForm):
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Agency.objects.none())
    upload = forms.FileField(
        label=_("Ảnh hoặc tài liệu"),
        help_text=_("Ảnh JPEG, PNG, GIF, WebP tối đa 5 MB; PDF, Word, Excel tối đa 20 MB."),
    )
    caption = forms.CharField(label=_("Chú thích"), max_length=255, required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class BulletinSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm bài viết"), max_length=200, required=False)
    chuyen_muc = forms.ModelChoiceField(
        label=_("Chuyên mục"), queryset=ArticleCategory.objects.all(), required=False, empty_label=_("Tất cả")
    )
    so = forms.ModelChoiceField(
        label=_("Số bản tin"), queryset=BulletinIssue.objects.all(), required=False, empty_label=_("Tất cả")
    )
