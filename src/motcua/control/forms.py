"""Input forms of the control pages; they only read and validate input, the services do the work."""

from django import forms
from django.utils.translation import gettext_lazy as _

from motcua.core.forms import BootstrapFormMixin, MultipleFileField
from motcua.core.uploads import PLAN_ATTACHMENT, PolicyValidator
from motcua.org.models import Agency

from . import computations
from .models import Aggregation, Frequency, Plan, PlanKind, Recurrence, ReportTemplate, TargetSource


class PlanForm(BootstrapFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại kế hoạch"), choices=PlanKind.choices)
    title = forms.CharField(label=_("Tên kế hoạch"), max_length=255)
    issuing_agency = forms.ModelChoiceField(label=_("Cơ quan ban hành"), queryset=Agency.objects.none())
    owner_agency = forms.ModelChoiceField(
        label=_("Cơ quan theo dõi, đôn đốc"), queryset=Agency.objects.none(), required=False
    )
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=50, required=False)
    signer = forms.CharField(label=_("Người ký"), max_length=150, required=False)
    signed_on = forms.DateField(label=_("Ngày ký"), required=False)
    year_from = forms.IntegerField(label=_("Từ năm"), min_value=2000, max_value=2099)
    year_to = forms.IntegerField(label=_("Đến năm"), min_value=2000, max_value=2099)
    purpose = forms.CharField(label=_("Mục đích"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    requirements = forms.CharField(
        label=_("Yêu cầu"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    attachment = forms.FileField(
        label=_("Văn bản đính kèm"), required=False, validators=[PolicyValidator(PLAN_ATTACHMENT.name)]
    )

    def __init__(self, *args, issuers, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuing_agency"].queryset = issuers
        self.fields["owner_agency"].queryset = owners

    def clean(self):
        data = super().clean()
        if data.get("year_from") and data.get("year_to") and data["year_to"] < data["year_from"]:
            self.add_error("year_to", _("Năm kết thúc phải không trước năm bắt đầu."))
        return data


class PlanEditForm(BootstrapFormMixin, forms.ModelForm):
    class Meta:
        model = Plan
        fields = [
            "kind",
            "title",
            "number",
            "signer",
            "signed_on",
            "year_from",
            "year_to",
            "purpose",
            "requirements",
            "attachment",
        ]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "requirements": forms.Textarea(attrs={"rows": 3}),
        }


class DeriveForm(BootstrapFormMixin, forms.Form):
    issuing_agency = forms.ModelChoiceField(
        label=_("Cơ quan xây dựng kế hoạch"), queryset=Agency.objects.none()
    )
    title = forms.CharField(label=_("Tên kế hoạch"), max_length=255)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=50, required=False)
    tasks = forms.MultipleChoiceField(
        label=_("Nhiệm vụ sao chép"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Để trống: sao chép các nhiệm vụ giao cho cơ quan (chủ trì hoặc phối hợp)."),
    )

    def __init__(self, *args, issuers, tasks, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuing_agency"].queryset = issuers
        self.fields["tasks"].choices = [(str(t.pk), str(t)) for t in tasks]


class TargetForm(BootstrapFormMixin, forms.Form):
    code = forms.CharField(label=_("Mã chỉ tiêu"), max_length=20)
    name = forms.CharField(label=_("Chỉ tiêu"), max_length=255)
    unit = forms.CharField(label=_("Đơn vị tính"), max_length=50)
    target_value = forms.DecimalField(
        label=_("Giá trị phải đạt"), min_value=0, max_digits=14, decimal_places=2
    )
    source = forms.ChoiceField(label=_("Cách lấy số liệu"), choices=TargetSource.choices)
    computation = forms.ChoiceField(label=_("Phép tính"), required=False)
    kinds = forms.CharField(
        label=_("Tham số: loại hoạt động"),
        required=False,
        help_text=_(
            "Với phép tính về hoạt động tuyên truyền: các mã loại, cách nhau bởi dấu phẩy (vd radio,tv)."
        ),
    )
    aggregation = forms.ChoiceField(label=_("Tổng hợp"), choices=Aggregation.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["computation"].choices = [("", "—"), *computations.choices()]

    def clean(self):
        data = super().clean()
        if data.get("source") == TargetSource.COMPUTED and not data.get("computation"):
            self.add_error("computation", _("Chọn phép tính cho chỉ tiêu tính tự động."))
        kinds = [k.strip() for k in (data.get("kinds") or "").split(",") if k.strip()]
        data["params"] = {"kinds": kinds} if kinds else {}
        return data


class TargetValueForm(BootstrapFormMixin, forms.Form):
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Agency.objects.none())
    value = forms.DecimalField(label=_("Giá trị hiện tại"), min_value=0, max_digits=14, decimal_places=2)
    as_of = forms.DateField(label=_("Số liệu đến ngày"))
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies


class TaskForm(BootstrapFormMixin, forms.Form):
    content = forms.CharField(label=_("Nội dung nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 3}))
    lead_agency = forms.ModelChoiceField(label=_("Cơ quan chủ trì"), queryset=Agency.objects.none())
    supporting_agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan phối hợp"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    start_on = forms.DateField(label=_("Ngày bắt đầu"))
    recurrence = forms.ChoiceField(label=_("Thời hạn"), choices=Recurrence.choices)
    due_on = forms.DateField(label=_("Hạn hoàn thành (nhiệm vụ một lần)"), required=False)
    due_day = forms.IntegerField(
        label=_("Hạn trong kỳ: ngày của tháng cuối kỳ (nhiệm vụ định kỳ)"),
        min_value=1,
        max_value=31,
        required=False,
    )
    end_on = forms.DateField(label=_("Kết thúc định kỳ"), required=False)
    expected_output = forms.CharField(
        label=_("Sản phẩm"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    targets = forms.ModelMultipleChoiceField(
        label=_("Chỉ tiêu liên quan"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, agencies, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_agency"].queryset = agencies
        self.fields["supporting_agencies"].queryset = agencies
        self.fields["targets"].queryset = targets

    def clean(self):
        data = super().clean()
        if data.get("recurrence") == Recurrence.NONE:
            if not data.get("due_on"):
                self.add_error("due_on", _("Nhập hạn hoàn thành."))
            elif data.get("start_on") and data["due_on"] < data["start_on"]:
                self.add_error("due_on", _("Hạn hoàn thành không được trước ngày bắt đầu."))
        elif data.get("recurrence") and not data.get("due_day"):
            self.add_error("due_day", _("Nhập ngày hạn trong mỗi kỳ."))
        return data


class ProgressForm(BootstrapFormMixin, forms.Form):
    agency = forms.ModelChoiceField(label=_("Báo cáo cho cơ quan"), queryset=Agency.objects.none())
    percent = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    text = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 3}))
    output_link = forms.URLField(label=_("Đường dẫn sản phẩm"), required=False, assume_scheme="https")
    files = MultipleFileField(label=_("Tệp minh chứng"), required=False)
    is_completion = forms.BooleanField(label=_("Đã hoàn thành (gửi cơ quan theo dõi duyệt)"), required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        if len(agencies) == 1:  # the usual case: the officer works at one of the agencies given the task
            self.fields["agency"].empty_label = None


class ReviewForm(BootstrapFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Ý kiến"),
        choices=[("accept", _("Chấp nhận")), ("return", _("Trả lại"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Nhận xét"), widget=forms.Textarea(attrs={"rows": 2}), required=False)


class UrgeForm(BootstrapFormMixin, forms.Form):
    message = forms.CharField(label=_("Nội dung đôn đốc"), widget=forms.Textarea(attrs={"rows": 2}))


class ReportRequestForm(BootstrapFormMixin, forms.Form):
    title = forms.CharField(label=_("Tên báo cáo"), max_length=255)
    template = forms.ModelChoiceField(label=_("Mẫu báo cáo"), queryset=ReportTemplate.objects.all())
    frequency = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=Frequency.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2099)
    number = forms.IntegerField(
        label=_("Kỳ số (tháng 1–12, quý 1–4, 6 tháng 1–2, năm 1)"), min_value=1, max_value=12, required=False
    )
    start = forms.DateField(label=_("Từ ngày (báo cáo đột xuất)"), required=False)
    end = forms.DateField(label=_("Đến ngày (báo cáo đột xuất)"), required=False)
    due_on = forms.DateField(
        label=_("Hạn gửi"),
        required=False,
        help_text=_("Để trống: tính theo quy định kỳ báo cáo."),
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan phải báo cáo"),
        queryset=Agency.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = agencies

    def clean(self):
        data = super().clean()
        if data.get("frequency") == Frequency.AD_HOC:
            for name in ("start", "end", "due_on"):
                if not data.get(name):
                    self.add_error(
                        name, _("Báo cáo đột xuất cần trường này. / Required for an ad-hoc report.")
                    )
            if data.get("start") and data.get("end") and data["end"] < data["start"]:
                self.add_error("end", _("Ngày kết thúc phải không trước ngày bắt đầu."))
        elif data.get("frequency") and not data.get("number"):
            self.add_error("number", _("Nhập kỳ số. / Enter the period number."))
        return data


class ScorecardForm(BootstrapFormMixin, forms.Form):
    start = forms.DateField(label=_("Từ ngày"))
    end = forms.DateField(label=_("Đến ngày"))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("Ngày kết thúc phải không trước ngày bắt đầu."))
        return data
