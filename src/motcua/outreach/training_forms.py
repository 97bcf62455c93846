"""Forms of the training pages: the course, enrolling officials by agency and role, a guest, the year."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import BootstrapForm, VietnameseDateField
from motcua.core.uploads import PLAN_ATTACHMENT, size_check_attrs
from motcua.org.models import Role

from .models import CourseMode
from .training import TRAINED_ROLES

STAFF_ROLES = [(value, label) for value, label in Role.choices if value != Role.ADMINISTRATOR]


class CourseForm(BootstrapForm):
    agency = forms.ModelChoiceField(label=_("Cơ quan tổ chức"), queryset=None)
    topic = forms.CharField(label=_("Chủ đề, nội dung"), max_length=255)
    audience = forms.CharField(
        label=_("Đối tượng"),
        max_length=255,
        required=False,
        help_text=_("Ví dụ: công chức Bộ phận Một cửa cấp xã"),
    )
    trainer = forms.CharField(label=_("Báo cáo viên, giảng viên"), max_length=200, required=False)
    starts_on = VietnameseDateField(label=_("Từ ngày"))
    ends_on = VietnameseDateField(label=_("Đến ngày"))
    mode = forms.ChoiceField(label=_("Hình thức"), choices=CourseMode.choices)
    place = forms.CharField(label=_("Địa điểm hoặc đường dẫn trực tuyến"), max_length=255, required=False)
    materials = forms.FileField(
        label=_("Tài liệu"),
        required=False,
        help_text=_("PDF, Word, Excel, ODT, ảnh; tối đa 20 MB."),
        widget=forms.ClearableFileInput(attrs=size_check_attrs(PLAN_ATTACHMENT)),
    )
    materials_link = forms.URLField(
        label=_("Đường dẫn tài liệu"), required=False, max_length=200, assume_scheme="https"
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("agency")
        if not data.get("materials"):
            data.pop("materials", None)
        return data


class EnrolForm(BootstrapForm):
    agency = forms.ModelChoiceField(
        label=_("Cơ quan, xã"),
        queryset=None,
        help_text=_("Lấy cả các cơ quan trực thuộc (Trung tâm Phục vụ hành chính công xã thuộc UBND xã)."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Vai trò"),
        choices=STAFF_ROLES,
        initial=list(TRAINED_ROLES),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, prefix="enrol", **kwargs)
        self.fields["agency"].queryset = agencies


class GuestForm(BootstrapForm):
    name = forms.CharField(label=_("Họ tên khách mời"), max_length=150)
    organisation = forms.CharField(label=_("Đơn vị"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="guest", **kwargs)


class YearForm(forms.Form):
    nam = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)

    def year(self) -> int:
        return (self.cleaned_data.get("nam") if self.is_valid() else None) or timezone.localdate().year
