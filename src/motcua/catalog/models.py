"""The procedure catalog: sectors, procedures and their immutable versions, publication decisions,
applicability to agencies, internal processes and search synonyms.

A procedure changes only through a publication decision. Its content lives in `ProcedureVersion` rows:
one open draft that the TTHC-control officer edits, and published versions that never change once a
decision has made them law (dossiers will point at them). Only the bookkeeping `valid_to` of a published
version is set later, when a newer version takes over.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from motcua.core.models import LegalParameter, OptionalPeriod
from motcua.org.models import Agency, AgencyKind, Role

from .workflows import PROCEDURE, ProcedureStatus


class TimeUnit(models.TextChoices):
    # The first three values are the codes of motcua.workdays.duration.Unit.
    WORKING_DAYS = "d", _("ngày làm việc")
    WORKING_HOURS = "h", _("giờ làm việc")
    CALENDAR_DAYS = "cd", pgettext_lazy("time unit", "ngày")
    MONTHS = "m", _("tháng")
    # "Trong ngày" (with `VersionChannel.cutoff`: "nếu nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo")
    # and "ngay" (on the spot): the codes of motcua.workdays.duration.Unit as well.
    SAME_DAY = "sd", _("trong ngày")
    IMMEDIATE = "im", _("giải quyết ngay")


class StepUnit(models.TextChoices):
    """Process steps run in working time only."""

    WORKING_DAYS = "d", _("ngày làm việc")
    WORKING_HOURS = "h", _("giờ làm việc")


class Channel(models.TextChoices):
    DIRECT = "direct", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    POSTAL = "postal", _("Dịch vụ bưu chính")


class OnlineLevel(models.TextChoices):
    FULL = "full", _("Toàn trình")
    PARTIAL = "partial", _("Một phần")
    NONE = "none", _("Không cung cấp trực tuyến")


class ProcedureType(models.TextChoices):
    NOT_ROUTED = "not_routed", _("TTHC không được luân chuyển")
    ROUTED = "routed", _("TTHC được luân chuyển trong hệ thống thẩm quyền của cơ quan hành chính nhà nước")


class Applicant(models.TextChoices):
    """The kinds of "đối tượng thực hiện" the national database lists, with its wording as labels."""

    CITIZEN = "citizen", _("Công dân Việt Nam")
    OVERSEAS = "overseas", _("Người Việt Nam định cư ở nước ngoài")
    FOREIGNER = "foreigner", _("Người nước ngoài")
    OFFICIAL = "official", _("Cán bộ, công chức, viên chức")
    BUSINESS = "business", _("Doanh nghiệp")
    FDI_BUSINESS = "fdi_business", _("Doanh nghiệp có vốn đầu tư nước ngoài")
    ORGANISATION = "organisation", _("Tổ chức (không bao gồm doanh nghiệp, HTX)")
    FOREIGN_ORGANISATION = "foreign_organisation", _("Tổ chức nước ngoài")
    COOPERATIVE = "cooperative", _("Hợp tác xã")


class CodeKind(models.TextChoices):
    """A national-database code (`1.001193`) or a code a ministry or province gives (`C08_XPHCDB`)."""

    NATIONAL = "national", _("Mã trên CSDL quốc gia")
    LOCAL = "local", _("Mã riêng của bộ, ngành, địa phương")


class FeeKind(models.TextChoices):
    FEE = "fee", _("Phí")
    CHARGE = "charge", _("Lệ phí")


class FeeBasis(models.TextChoices):
    """What one amount of a fee row is counted per."""

    DOSSIER = "dossier", _("mỗi hồ sơ")
    PAGE = "page", _("mỗi trang")
    COPY = "copy", _("mỗi bản")
    UNIT = "unit", _("mỗi đơn vị (m², thửa, xe…)")
    PERCENT = "percent", _("tỷ lệ % trên giá trị")


class ChangeKind(models.TextChoices):
    NEW = "new", _("Ban hành mới")
    AMENDED = "amended", _("Sửa đổi, bổ sung")
    REPLACED = "replaced", _("Bị thay thế")
    ABOLISHED = "abolished", _("Bị bãi bỏ")


ENDING_KINDS = (ChangeKind.REPLACED, ChangeKind.ABOLISHED)


class Level(models.Model):
    """Level of government that implements a procedure: central, province, district, commune."""

    code = models.SlugField(_("mã cấp"), max_length=20, unique=True)
    name = models.CharField(_("tên cấp"), max_length=60)
    rank = models.PositiveSmallIntegerField(_("thứ bậc"))

    class Meta:
        verbose_name = _("cấp thực hiện")
        verbose_name_plural = _("cấp thực hiện")
        ordering = ["rank"]

    def __str__(self) -> str:
        return self.name


class Sector(models.Model):
    code = models.CharField(_("mã lĩnh vực"), max_length=20, unique=True, help_text=_("Ví dụ G03-GD10"))
    name = models.CharField(_("tên lĩnh vực"), max_length=255)
    managing_body = models.CharField(_("cơ quan quản lý"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Procedure(models.Model):
    """The identity of a procedure; its content is in its versions. Name and sector mirror the latest one."""

    national_code = models.CharField(
        _("mã thủ tục"),
        max_length=30,
        unique=True,
        help_text=_("Mã trên Cơ sở dữ liệu quốc gia, ví dụ 1.011442"),
    )
    code_kind = models.CharField(
        _("loại mã"), max_length=10, choices=CodeKind.choices, default=CodeKind.NATIONAL
    )
    name = models.CharField(_("tên thủ tục"), max_length=2000)  # real names run past 1,000 characters
    sector = models.ForeignKey(
        Sector, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="procedures"
    )
    status = models.CharField(
        _("tình trạng công bố"), max_length=20, choices=ProcedureStatus.choices, default=ProcedureStatus.DRAFT
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = ["national_code"]
        constraints = [PROCEDURE.check_constraint("catalog_procedure_status_valid")]

    def __str__(self) -> str:
        return f"{self.national_code} {self.name}"

    def clean(self) -> None:
        from .codes import code_problem

        problem = code_problem(self.national_code, self.code_kind)
        if problem:
            raise ValidationError({"national_code": problem})


class PublicationRule(LegalParameter):
    """A legal time rule on publication, as data: the law changes; old decisions keep their day's rule."""

    class Kind(models.TextChoices):
        PUBLISH_BEFORE_EFFECT = "publish_before_effect", _("Công bố trước ngày văn bản có hiệu lực")
        POST_AFTER_DECISION = "post_after_decision", _("Đăng tải lên CSDL quốc gia sau ngày ký quyết định")

    kind = models.CharField(_("loại quy định"), max_length=30, choices=Kind.choices)
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc"))
    history = HistoricalRecords()

    class Meta(LegalParameter.Meta):
        verbose_name = _("quy định thời hạn công bố")
        verbose_name_plural = _("quy định thời hạn công bố")
        ordering = ["kind", "-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(fields=["kind", "valid_from"], name="catalog_rule_kind_from_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.working_days} ({self.legal_basis})"


class PublicationDecision(models.Model):
    """Quyết định công bố: the only way a procedure is created, amended, replaced or abolished."""

    number = models.CharField(_("số quyết định"), max_length=60, unique=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    signed_on = models.DateField(_("ngày ký"))
    signer = models.CharField(_("người ký"), max_length=150)
    issuer = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    effective_from = models.DateField(_("ngày có hiệu lực"))
    legal_documents = models.TextField(_("văn bản quy phạm pháp luật được công bố"))
    legal_effective_on = models.DateField(_("ngày văn bản QPPL có hiệu lực"), null=True, blank=True)
    # Timing under the PublicationRule rows in force on the signing day; they feed the service index.
    publish_deadline = models.DateField(_("hạn công bố"), null=True, blank=True)
    published_on_time = models.BooleanField(_("công bố đúng hạn"), null=True, blank=True)
    post_deadline = models.DateField(_("hạn đăng tải CSDL quốc gia"), null=True, blank=True)
    posted_on = models.DateField(_("ngày đăng tải CSDL quốc gia"), null=True, blank=True)
    posted_on_time = models.BooleanField(_("đăng tải đúng hạn"), null=True, blank=True)
    created_at = models.DateTimeField(_("ghi nhận lúc"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quyết định công bố")
        verbose_name_plural = _("quyết định công bố")
        ordering = ["-signed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.number} ({self.signed_on:%d/%m/%Y})"


class ProcedureVersion(OptionalPeriod):
    """The legal content of a procedure: a draft (no decision) or a published, immutable version."""

    procedure = models.ForeignKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("phiên bản số"), null=True, blank=True)
    decision = models.ForeignKey(
        PublicationDecision,
        verbose_name=_("quyết định công bố"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="versions",
    )
    change_kind = models.CharField(
        _("hình thức công bố"), max_length=20, choices=ChangeKind.choices, blank=True
    )
    replaced_by = models.ForeignKey(
        Procedure,
        verbose_name=_("được thay thế bởi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Empty on a draft: a version holds from the decision that publishes it (the period check still applies).
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    name = models.CharField(_("tên thủ tục"), max_length=2000)  # real names run past 1,000 characters
    sector = models.ForeignKey(Sector, verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="+")
    levels = models.ManyToManyField(Level, verbose_name=_("cấp thực hiện"), blank=True, related_name="+")
    procedure_type = models.CharField(
        _("loại thủ tục"), max_length=20, choices=ProcedureType.choices, default=ProcedureType.NOT_ROUTED
    )
    implementing_agency = models.CharField(_("cơ quan thực hiện"), max_length=500, blank=True)
    competent_agency = models.CharField(_("cơ quan có thẩm quyền"), max_length=500, blank=True)
    delegated_agency = models.CharField(_("cơ quan được ủy quyền"), max_length=500, blank=True)
    supporting_agency = models.CharField(_("cơ quan phối hợp"), max_length=500, blank=True)
    sequence = models.TextField(_("trình tự thực hiện"), blank=True)
    applicants = models.JSONField(_("đối tượng thực hiện"), default=list, blank=True)
    result = models.TextField(_("kết quả thực hiện"), blank=True)
    fees = models.TextField(_("phí, lệ phí"), blank=True)
    requirements = models.TextField(_("yêu cầu, điều kiện thực hiện"), blank=True)
    legal_basis = models.TextField(_("căn cứ pháp lý"), blank=True)
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=10,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
    )
    vertical_sector = models.BooleanField(_("thủ tục của cơ quan ngành dọc"), default=False)
    any_boundary = models.BooleanField(_("tiếp nhận không phụ thuộc địa giới hành chính"), default=False)
    notes = models.TextField(_("ghi chú"), blank=True)
    # Folded (core.text.fold) copies for accent-insensitive search; PostgreSQL adds a generated tsvector.
    search_name = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta(OptionalPeriod.Meta):
        verbose_name = _("phiên bản thủ tục")
        verbose_name_plural = _("phiên bản thủ tục")
        ordering = ["procedure", "number"]
        constraints = [
            *OptionalPeriod.Meta.constraints,
            models.UniqueConstraint(fields=["procedure", "number"], name="catalog_version_number_uniq"),
            models.UniqueConstraint(
                fields=["procedure"],
                condition=Q(decision__isnull=True),
                name="catalog_one_draft_per_procedure",
            ),
            models.CheckConstraint(
                condition=Q(decision__isnull=True, number__isnull=True, valid_from__isnull=True)
                | Q(decision__isnull=False, number__isnull=False, valid_from__isnull=False),
                name="catalog_version_published_complete",
            ),
        ]
        indexes = [models.Index(fields=["valid_from", "valid_to"], name="catalog_version_period_idx")]

    def __str__(self) -> str:
        label = f"v{self.number}" if self.number else _("dự thảo")
        return f"{self.procedure.national_code} {label}"

    @property
    def is_draft(self) -> bool:
        return self.decision_id is None


class VersionChannel(models.Model):
    """One way to submit (direct, online, postal), with its own legal time limit and fee."""

    version = models.ForeignKey(
        ProcedureVersion, verbose_name=_("phiên bản"), on_delete=models.CASCADE, related_name="channels"
    )
    channel = models.CharField(_("cách thức thực hiện"), max_length=10, choices=Channel.choices)
    time_limit = models.DecimalField(_("thời hạn giải quyết"), max_digits=6, decimal_places=2)
    time_unit = models.CharField(
        _("đơn vị thời hạn"), max_length=2, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAYS
    )
    cutoff = models.TimeField(
        _("giờ chốt nhận trong ngày"),
        null=True,
        blank=True,
        help_text=_("Với thời hạn “trong ngày”: hồ sơ nhận sau giờ này trả trong ngày làm việc tiếp theo"),
    )
    # The default case, which a dossier takes at reception unless the officer picks another `LimitCase`:
    # a range ("từ 3 đến 5 ngày") keeps its lower bound here and counts to the upper one.
    time_limit_min = models.DecimalField(
        _("thời hạn tối thiểu (khoảng)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    at_most = models.BooleanField(_("“không quá”"), default=False)
    time_limit_text = models.TextField(
        _("thời hạn như đã công bố"),
        blank=True,
        help_text=_("Nguyên văn thời hạn giải quyết trong quyết định công bố"),
    )
    fee = models.PositiveBigIntegerField(_("phí, lệ phí (đồng)"), default=0)
    description = models.TextField(_("mô tả"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cách thức thực hiện")
        verbose_name_plural = _("cách thức thực hiện")
        ordering = ["version", "channel"]
        constraints = [
            models.UniqueConstraint(fields=["version", "channel"], name="catalog_channel_once_per_version"),
            models.CheckConstraint(condition=Q(time_limit__gte=0), name="catalog_channel_limit_not_negative"),
            models.CheckConstraint(
                condition=Q(time_limit_min__isnull=True) | Q(time_limit_min__lte=models.F("time_limit")),
                name="catalog_channel_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.time_limit.normalize():f} {self.get_time_unit_display()}"


class LimitCase(models.Model):
    """Another time limit of a channel, for a named case: "trường hợp phải xác minh: 20 ngày"."""

    channel = models.ForeignKey(
        VersionChannel, verbose_name=_("cách thức"), on_delete=models.CASCADE, related_name="cases"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    condition = models.CharField(_("trường hợp"), max_length=500)
    time_limit = models.DecimalField(_("thời hạn giải quyết"), max_digits=6, decimal_places=2)
    time_limit_min = models.DecimalField(
        _("thời hạn tối thiểu (khoảng)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    time_unit = models.CharField(
        _("đơn vị thời hạn"), max_length=2, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAYS
    )
    cutoff = models.TimeField(_("giờ chốt nhận trong ngày"), null=True, blank=True)
    at_most = models.BooleanField(_("“không quá”"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thời hạn theo trường hợp")
        verbose_name_plural = _("thời hạn theo trường hợp")
        ordering = ["channel", "position"]
        constraints = [
            models.CheckConstraint(condition=Q(time_limit__gte=0), name="catalog_case_limit_not_negative"),
            models.CheckConstraint(
                condition=Q(time_limit_min__isnull=True) | Q(time_limit_min__lte=models.F("time_limit")),
                name="catalog_case_range_ordered",
            ),
            models.CheckConstraint(condition=~Q(condition=""), name="catalog_case_named"),
        ]

    def __str__(self) -> str:
        return f"{self.condition}: {self.time_limit.normalize():f} {self.get_time_unit_display()}"


class FeeItem(models.Model):
    """One row of a procedure's fee table (Luật Phí và lệ phí 2015): who pays what, per what, or is exempt.

    The fee a dossier owes at reception is its channel's `fee` (the default case) unless the officer picks
    a row of this table (catalog.fees.fee_due).
    """

    version = models.ForeignKey(
        ProcedureVersion, verbose_name=_("phiên bản"), on_delete=models.CASCADE, related_name="fee_items"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    kind = models.CharField(_("loại"), max_length=10, choices=FeeKind.choices, default=FeeKind.CHARGE)
    channel = models.CharField(
        _("cách thức"),
        max_length=10,
        choices=Channel.choices,
        blank=True,
        help_text=_("Để trống: áp dụng cho mọi cách thức"),
    )
    condition = models.CharField(_("trường hợp"), max_length=500, blank=True)
    area = models.CharField(_("địa bàn"), max_length=255, blank=True)
    basis = models.CharField(
        _("tính theo"), max_length=10, choices=FeeBasis.choices, default=FeeBasis.DOSSIER
    )
    amount = models.PositiveBigIntegerField(_("mức thu (đồng)"), null=True, blank=True)
    rate = models.DecimalField(_("tỷ lệ (%)"), max_digits=7, decimal_places=4, null=True, blank=True)
    maximum = models.PositiveBigIntegerField(_("mức thu tối đa (đồng)"), null=True, blank=True)
    exempt = models.BooleanField(_("miễn"), default=False)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mức phí, lệ phí")
        verbose_name_plural = _("biểu phí, lệ phí")
        ordering = ["version", "position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(exempt=True)
                | (Q(basis="percent") & Q(rate__isnull=False) & Q(rate__gte=0) & Q(rate__lte=100))
                | (~Q(basis="percent") & Q(amount__isnull=False)),
                name="catalog_fee_item_has_amount",
            ),
        ]

    def __str__(self) -> str:
        if self.exempt:
            return f"{self.condition or self.get_kind_display()}: {_('miễn')}"
        if self.basis == FeeBasis.PERCENT:
            return f"{self.condition or self.get_kind_display()}: {self.rate}%"
        return f"{self.condition or self.get_kind_display()}: {self.amount} đ/{self.get_basis_display()}"


class RequiredDocument(models.Model):
    """Thành phần hồ sơ: a document the applicant hands in, with its form template and counts."""

    version = models.ForeignKey(
        ProcedureVersion, verbose_name=_("phiên bản"), on_delete=models.CASCADE, related_name="documents"
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    name = models.CharField(_("tên giấy tờ"), max_length=500)
    form_name = models.CharField(_("mẫu đơn, tờ khai"), max_length=255, blank=True)
    form_template = models.FileField(_("tệp mẫu"), upload_to="catalog/forms/", blank=True)
    originals = models.PositiveSmallIntegerField(_("số bản chính"), default=1)
    copies = models.PositiveSmallIntegerField(_("số bản sao"), default=0)
    mandatory = models.BooleanField(_("bắt buộc"), default=True)
    condition = models.CharField(
        _("điều kiện nộp"),
        max_length=500,
        blank=True,
        help_text=_("Khi giấy tờ chỉ phải nộp trong một số trường hợp"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành phần hồ sơ")
        verbose_name_plural = _("thành phần hồ sơ")
        ordering = ["version", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(mandatory=True) | ~Q(condition=""),
                name="catalog_conditional_document_has_condition",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AgencyProcedure(models.Model):
    """An agency applies a procedure, under a local code and with the local variations the law allows."""

    procedure = models.ForeignKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.CASCADE, related_name="applications"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="procedures"
    )
    local_code = models.CharField(_("mã thủ tục tại cơ quan"), max_length=60, unique=True)
    office_address = models.CharField(_("địa chỉ tiếp nhận"), max_length=255, blank=True)
    fee = models.PositiveBigIntegerField(_("phí, lệ phí tại địa phương (đồng)"), null=True, blank=True)
    online_level = models.CharField(
        _("mức độ trực tuyến tại cơ quan"), max_length=10, choices=OnlineLevel.choices, blank=True
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thủ tục áp dụng tại cơ quan")
        verbose_name_plural = _("thủ tục áp dụng tại cơ quan")
        ordering = ["procedure", "agency"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "procedure"], name="catalog_applies_once"),
        ]

    def __str__(self) -> str:
        return self.local_code


class Process(models.Model):
    """Quy trình nội bộ: the steps a dossier goes through; agency-specific where it differs."""

    procedure = models.ForeignKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.CASCADE, related_name="processes"
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("áp dụng riêng cho cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    channel = models.CharField(
        _("cách thức"),
        max_length=10,
        choices=Channel.choices,
        blank=True,
        help_text=_("Để trống: áp dụng cho mọi cách thức"),
    )
    name = models.CharField(_("tên quy trình"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quy trình nội bộ")
        verbose_name_plural = _("quy trình nội bộ")
        ordering = ["procedure", "agency", "channel"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "channel"],
                condition=Q(agency__isnull=True),
                name="catalog_one_default_process",
            ),
            models.UniqueConstraint(
                fields=["procedure", "agency", "channel"],
                condition=Q(agency__isnull=False),
                name="catalog_one_agency_process",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ProcessStep(models.Model):
    process = models.ForeignKey(
        Process, verbose_name=_("quy trình"), on_delete=models.CASCADE, related_name="steps"
    )
    position = models.PositiveSmallIntegerField(_("bước"))
    name = models.CharField(_("nội dung công việc"), max_length=255)
    agency_kind = models.CharField(
        _("loại cơ quan thực hiện"), max_length=40, choices=AgencyKind.choices, blank=True
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan thực hiện"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("vai trò thực hiện"), max_length=30, choices=Role.choices)
    duration = models.DecimalField(_("thời gian"), max_digits=6, decimal_places=2)
    duration_unit = models.CharField(
        _("đơn vị"), max_length=2, choices=StepUnit.choices, default=StepUnit.WORKING_HOURS
    )
    # The one step whose holder approves and signs the result: only there may the result be attached, so the
    # approval cannot be skipped (issue 17).
    signs_result = models.BooleanField(
        _("ký duyệt kết quả"),
        default=False,
        help_text=_("Bước duy nhất được cập nhật kết quả; người ký là tài khoản thực hiện bước này"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bước quy trình")
        verbose_name_plural = _("bước quy trình")
        ordering = ["process", "position"]
        constraints = [
            models.UniqueConstraint(fields=["process", "position"], name="catalog_step_position_uniq"),
            models.CheckConstraint(
                condition=(Q(agency__isnull=True) & ~Q(agency_kind=""))
                | (Q(agency__isnull=False) & Q(agency_kind="")),
                name="catalog_step_agency_kind_xor_agency",
            ),
            models.CheckConstraint(condition=Q(duration__gt=0), name="catalog_step_duration_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"


class Synonym(models.Model):
    """Citizens' words for legal terms, kept by the TTHC-control officer: "sổ đỏ" → "giấy chứng nhận …"."""

    term = models.CharField(_("cách nói của người dân"), max_length=120)
    expansion = models.CharField(_("thuật ngữ trong thủ tục"), max_length=255)
    weight = models.DecimalField(
        _("trọng số"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.70"),
        validators=[MinValueValidator(Decimal("0.10")), MaxValueValidator(Decimal("1.00"))],
        help_text=_(
            "Phần của cụm từ được chuyển cho thuật ngữ (0,10–1,00); phần còn lại giữ cho chính cụm từ "
            "người dân gõ."
        ),
    )
    term_folded = models.CharField(max_length=120, unique=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("từ đồng nghĩa")
        verbose_name_plural = _("từ đồng nghĩa")
        ordering = ["term"]

    def __str__(self) -> str:
        return f"{self.term} → {self.expansion}"
