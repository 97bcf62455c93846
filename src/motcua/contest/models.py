"""The initiative contest as data ("Tìm kiếm sáng kiến, giải pháp, mô hình cải cách TTHC và thực hiện cơ chế
một cửa, một cửa liên thông"): its rules, audience, phases, criteria with weights, prizes, secretariat and
jury; the entries with their files, the jurors' scores per criterion and round, declared conflicts of
interest; and the register of good models and initiatives (and of units doing poorly)."""

from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from motcua.core.models import AttachedFile, private_file_field
from motcua.org.models import Agency

from .workflows import CONTEST, ENTRY, ContestStatus, EntryStatus, Round


class Contest(models.Model):
    code = models.CharField(
        _("mã hội thi"),
        max_length=20,
        unique=True,
        validators=[RegexValidator(r"^[A-Z0-9-]+$", _("Chữ in hoa, chữ số và dấu gạch ngang."))],
        help_text=_("Dùng trong đường dẫn và số biên nhận, ví dụ SK2026"),
    )
    title = models.CharField(_("tên hội thi"), max_length=255)
    organiser = models.ForeignKey(
        Agency, verbose_name=_("cơ quan tổ chức"), on_delete=models.PROTECT, related_name="contests"
    )
    legal_basis = models.CharField(
        _("căn cứ (kế hoạch, quyết định phát động)"),
        max_length=255,
        help_text=_("Số, ngày văn bản ban hành thể lệ, tiêu chí và cơ cấu giải"),
    )
    rules = models.TextField(_("thể lệ"), help_text=_("Văn bản thường; để một dòng trống giữa các đoạn."))
    for_citizens = models.BooleanField(_("cá nhân, công dân được dự thi"), default=True)
    for_organisations = models.BooleanField(_("tổ chức, doanh nghiệp được dự thi"), default=True)
    for_agencies = models.BooleanField(_("cơ quan cấp tỉnh được dự thi"), default=True)
    for_communes = models.BooleanField(_("cơ quan cấp xã được dự thi"), default=True)
    finalists = models.PositiveSmallIntegerField(
        _("số bài vào chung khảo"),
        default=10,
        validators=[MinValueValidator(1)],
        help_text=_("Các bài đồng hạng ở vị trí cuối cùng đều được vào chung khảo"),
    )
    min_award_score = models.DecimalField(
        _("điểm tối thiểu để được xét giải"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("50"),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=ContestStatus.choices, default=ContestStatus.DRAFT
    )
    launched_at = models.DateTimeField(_("phát động lúc"), null=True, blank=True)
    awarded_at = models.DateTimeField(_("công bố kết quả lúc"), null=True, blank=True)
    entry_count = models.PositiveIntegerField(default=0, editable=False)  # numbers the receipts

    class Meta:
        verbose_name = _("hội thi")
        verbose_name_plural = _("hội thi")
        ordering = ["-pk"]
        constraints = [
            CONTEST.check_constraint("contest_contest_status_valid"),
            models.CheckConstraint(condition=~Q(title=""), name="contest_contest_title"),
        ]

    def __str__(self) -> str:
        return self.title


class PhaseKind(models.TextChoices):
    LAUNCH = "launch", _("Phát động")
    ENTRIES = "entries", _("Nhận bài dự thi")
    PRELIMINARY = "preliminary", _("Sơ khảo")
    FINAL = "final", _("Chung khảo")
    AWARDS = "awards", _("Tổng kết, trao giải")


PHASE_ORDER = list(PhaseKind.values)


class Phase(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="phases")
    kind = models.CharField(_("giai đoạn"), max_length=20, choices=PhaseKind.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("giai đoạn")
        verbose_name_plural = _("các giai đoạn")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "kind"], name="contest_phase_once"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="contest_phase_range"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}"


class Criterion(models.Model):
    """One line of the marking scheme; the weights of a contest add up to 100 (checked at launch)."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("tiêu chí"), max_length=255)
    description = models.TextField(_("hướng dẫn chấm"), blank=True)
    weight = models.DecimalField(
        _("trọng số (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(100)],
    )
    max_score = models.DecimalField(
        _("thang điểm"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("10"),
        validators=[MinValueValidator(Decimal("1"))],
        help_text=_("Giám khảo chấm từ 0 đến số điểm này"),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("tiêu chí chấm")
        verbose_name_plural = _("tiêu chí chấm")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gt=0) & Q(weight__lte=100), name="contest_weight"),
            models.CheckConstraint(condition=Q(max_score__gte=1), name="contest_max_score"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.weight}%)"


class Prize(models.Model):
    """A prize and how many are given; places are handed out in rank order (services.allocate)."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="prizes")
    name = models.CharField(_("giải"), max_length=100)
    count = models.PositiveSmallIntegerField(_("số giải"), default=1, validators=[MinValueValidator(1)])
    amount = models.PositiveBigIntegerField(_("giá trị (đồng)"), default=0)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0, help_text=_("1 = giải cao nhất"))

    class Meta:
        verbose_name = _("giải thưởng")
        verbose_name_plural = _("cơ cấu giải thưởng")
        ordering = ["order", "pk"]
        constraints = [models.CheckConstraint(condition=Q(count__gte=1), name="contest_prize_count")]

    def __str__(self) -> str:
        return self.name


class MemberRole(models.TextChoices):
    SECRETARIAT = "secretariat", _("Tổ thư ký")
    JUROR = "juror", _("Ban giám khảo")


class Member(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=MemberRole.choices)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan công tác"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Giám khảo không chấm bài của cơ quan mình"),
    )
    is_chair = models.BooleanField(_("trưởng ban"), default=False)

    class Meta:
        verbose_name = _("thành viên tổ thư ký, ban giám khảo")
        verbose_name_plural = _("tổ thư ký, ban giám khảo")
        ordering = ["role", "-is_chair", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "user", "role"], name="contest_member_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"


class EntrantKind(models.TextChoices):
    CITIZEN = "citizen", _("Cá nhân")
    ORGANISATION = "organisation", _("Tổ chức, doanh nghiệp")
    AGENCY = "agency", _("Cơ quan, đơn vị")


class EntryCategory(models.TextChoices):
    INITIATIVE = "initiative", _("Sáng kiến")
    SOLUTION = "solution", _("Giải pháp")
    MODEL = "model", _("Mô hình")


class Entry(models.Model):
    contest = models.ForeignKey(Contest, on_delete=models.PROTECT, related_name="entries")
    code = models.CharField(_("số biên nhận"), max_length=30, unique=True)
    category = models.CharField(_("loại"), max_length=20, choices=EntryCategory.choices)
    title = models.CharField(_("tên sáng kiến, giải pháp, mô hình"), max_length=255)
    summary = models.TextField(_("tóm tắt"), max_length=2000)
    description = models.TextField(_("nội dung, cách làm, hiệu quả"), max_length=20000)
    entrant_kind = models.CharField(_("người dự thi"), max_length=20, choices=EntrantKind.choices)
    author_name = models.CharField(_("tác giả, nhóm tác giả"), max_length=255)
    organisation_name = models.CharField(_("tên tổ chức"), max_length=255, blank=True)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan dự thi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contest_entries",
    )
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="contest_entries"
    )
    submitted_at = models.DateTimeField(_("nộp lúc"))
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=EntryStatus.choices, default=EntryStatus.SUBMITTED
    )
    eligibility_note = models.TextField(_("ý kiến kiểm tra"), blank=True)
    checked_at = models.DateTimeField(_("kiểm tra lúc"), null=True, blank=True)
    # The record of each round's result, written when the round closes (services.close_*).
    preliminary_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    preliminary_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    final_score = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    final_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    prize = models.ForeignKey(
        Prize, verbose_name=_("giải"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("bài dự thi")
        verbose_name_plural = _("bài dự thi")
        ordering = ["contest", "pk"]
        constraints = [
            ENTRY.check_constraint("contest_entry_status_valid"),
            models.CheckConstraint(condition=~Q(title=""), name="contest_entry_title"),
            models.CheckConstraint(
                condition=~Q(entrant_kind=EntrantKind.AGENCY) | Q(agency__isnull=False),
                name="contest_entry_agency_named",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class EntryFile(AttachedFile):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="files")
    file = private_file_field("contest/%Y/%m/", "plan_attachment")

    class Meta(AttachedFile.Meta):
        verbose_name = _("tệp bài dự thi")
        verbose_name_plural = _("tệp bài dự thi")


class Score(models.Model):
    """One juror's mark for one entry on one criterion in one round; blind until the round closes."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    round = models.CharField(_("vòng"), max_length=20, choices=Round.choices)
    value = models.DecimalField(_("điểm"), max_digits=5, decimal_places=2)
    scored_at = models.DateTimeField(_("chấm lúc"), auto_now=True)

    class Meta:
        verbose_name = _("điểm chấm")
        verbose_name_plural = _("điểm chấm")
        ordering = ["entry", "juror", "criterion__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "juror", "criterion", "round"], name="contest_score_once"
            ),
            models.CheckConstraint(condition=Q(value__gte=0), name="contest_score_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}/{self.juror_id}/{self.criterion_id} ({self.round})"


class ScoreSheet(models.Model):
    """A juror's comment on an entry in a round (the marks are `Score` rows)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="sheets")
    juror = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="sheets")
    round = models.CharField(_("vòng"), max_length=20, choices=Round.choices)
    comment = models.TextField(_("nhận xét"), blank=True, max_length=4000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "juror", "round"], name="contest_sheet_once"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id}/{self.juror_id} ({self.round})"


class ConflictOfInterest(models.Model):
    """A juror who declared (or was found by the secretariat) to be connected to an entry never scores it."""

    juror = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="conflicts")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.CharField(_("lý do"), max_length=500)
    declared_at = models.DateTimeField(_("khai báo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("xung đột lợi ích")
        verbose_name_plural = _("xung đột lợi ích")
        constraints = [models.UniqueConstraint(fields=["juror", "entry"], name="contest_conflict_once")]

    def __str__(self) -> str:
        return self.reason


class GoodModelKind(models.TextChoices):
    MODEL = "model", _("Mô hình hay")
    INITIATIVE = "initiative", _("Sáng kiến, cách làm hiệu quả")
    POOR = "poor", _("Đơn vị thực hiện chưa tốt")


class GoodModel(models.Model):
    """The register: good models and initiatives worth copying, and units doing poorly (to follow up)."""

    kind = models.CharField(_("loại"), max_length=20, choices=GoodModelKind.choices)
    title = models.CharField(_("tên mô hình, sáng kiến, nội dung"), max_length=255)
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="good_models"
    )
    summary = models.TextField(_("tóm tắt"), max_length=4000)
    recognised_on = models.DateField(_("ngày ghi nhận"))
    basis = models.CharField(_("căn cứ ghi nhận"), max_length=255, blank=True)
    entry = models.OneToOneField(
        Entry,
        verbose_name=_("bài dự thi đạt giải"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="good_model",
    )
    published = models.BooleanField(_("công khai"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("mô hình hay, sáng kiến")
        verbose_name_plural = _("sổ mô hình hay, sáng kiến")
        ordering = ["-recognised_on", "-pk"]
        constraints = [models.CheckConstraint(condition=~Q(title=""), name="contest_goodmodel_title")]

    def __str__(self) -> str:
        return self.title


class GoodModelLink(models.Model):
    """A communication activity, an article or any other record that presents a registered model: the
    register sits beside `outreach` (neither imports the other), so the link names its target generically."""

    good_model = models.ForeignKey(GoodModel, on_delete=models.CASCADE, related_name="links")
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")

    class Meta:
        verbose_name = _("liên kết với hoạt động, bài viết")
        verbose_name_plural = _("liên kết với hoạt động, bài viết")
        constraints = [
            models.UniqueConstraint(
                fields=["good_model", "target_type", "target_id"], name="contest_link_once"
            ),
        ]
        indexes = [models.Index(fields=["target_type", "target_id"])]

    def __str__(self) -> str:
        return f"{self.good_model} → {self.target_type_id}:{self.target_id}"
