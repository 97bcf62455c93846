"""The service index (QĐ 766/QĐ-TTg, 23/6/2022) as data, and the per-day aggregates it is computed from.

Groups, indicators (maximum points, target, the computation that measures them) and the score rule are legal
parameters: rows with effective dates and a legal basis, so a new weighting is a new row and a past period is
computed with the rows in force on its last day.

`DossierDay` is a cube: one row per combination of the dimensions an indicator filters on, holding how many
dossiers fall in it. A dossier adds one to at most two rows: the day it was received ("r") and the day its
processing ended ("e"). `DossierFootprint` remembers which rows a dossier counts in, so that a change moves
its count from the old rows to the new ones in the transaction of the change (serviceindex.aggregates).
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.catalog.models import Procedure
from motcua.core.models import DatedRow, LegalParameter
from motcua.org.models import AdministrativeUnit, Agency


class IndexGroup(LegalParameter):
    """A group of indicators (nhóm chỉ số) and its maximum points."""

    code = models.CharField(_("mã nhóm"), max_length=10)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.CharField(_("tên nhóm chỉ số"), max_length=255)
    name_en = models.CharField(_("tên nhóm chỉ số (tiếng Anh)"), max_length=255)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)

    class Meta(LegalParameter.Meta):
        verbose_name = _("nhóm chỉ số")
        verbose_name_plural = _("nhóm chỉ số")
        ordering = ["position", "code", "-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(fields=["code", "valid_from"], name="serviceindex_group_code_from_uniq"),
            models.CheckConstraint(condition=Q(max_points__gte=0), name="serviceindex_group_points_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class Indicator(LegalParameter):
    """An indicator: its points, its target rate and the named computation (serviceindex.computations)."""

    group = models.ForeignKey(
        IndexGroup, verbose_name=_("nhóm chỉ số"), on_delete=models.PROTECT, related_name="indicators"
    )
    code = models.CharField(_("mã chỉ số"), max_length=10)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    name = models.CharField(_("tên chỉ số"), max_length=255)
    name_en = models.CharField(_("tên chỉ số (tiếng Anh)"), max_length=255)
    max_points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)
    target = models.DecimalField(
        _("mục tiêu (%)"), max_digits=5, decimal_places=2, help_text=_("Đạt mục tiêu thì được điểm tối đa")
    )
    computation = models.CharField(
        _("phép tính"),
        max_length=80,
        help_text=_("Tên phép tính đã đăng ký; chưa đăng ký thì chỉ số hiện “chưa có nguồn dữ liệu”"),
    )

    class Meta(LegalParameter.Meta):
        verbose_name = _("chỉ số")
        verbose_name_plural = _("chỉ số")
        ordering = ["group__position", "position", "code", "-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(
                fields=["code", "valid_from"], name="serviceindex_indicator_code_from_uniq"
            ),
            models.CheckConstraint(
                condition=Q(max_points__gte=0), name="serviceindex_indicator_points_positive"
            ),
            models.CheckConstraint(
                condition=Q(target__gt=0, target__lte=100), name="serviceindex_indicator_target_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"


class ScoreKind(models.TextChoices):
    PROPORTIONAL = "proportional", _("Đạt mục tiêu: điểm tối đa; chưa đạt: tỷ lệ × điểm tối đa ÷ mục tiêu")


class ScoreRule(LegalParameter):
    """How a rate becomes points, and what an indicator without cases in the period counts for."""

    kind = models.CharField(_("cách tính điểm"), max_length=20, choices=ScoreKind.choices)
    decimals = models.PositiveSmallIntegerField(_("số chữ số thập phân"), default=2)
    description = models.TextField(_("diễn giải"), blank=True)

    class Meta(LegalParameter.Meta):
        verbose_name = _("quy tắc tính điểm")
        verbose_name_plural = _("quy tắc tính điểm")
        ordering = ["-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.CheckConstraint(condition=Q(decimals__lte=4), name="serviceindex_rule_decimals"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.legal_basis})"


class Fact(models.TextChoices):
    RECEIVED = "r", _("Tiếp nhận")
    ENDED = "e", _("Kết thúc giải quyết")


class RatingState(models.TextChoices):
    NONE = "", _("Chưa đánh giá")
    SATISFIED = "s", _("Hài lòng")
    UNSATISFIED = "u", _("Chưa hài lòng")


class DossierDay(models.Model):
    """How many dossiers of one day fall in one combination of the index's dimensions."""

    fact = models.CharField(max_length=1, choices=Fact.choices)
    day = models.DateField()
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey(Procedure, on_delete=models.CASCADE, related_name="+")
    channel = models.PositiveSmallIntegerField()
    verdict = models.CharField(max_length=24, blank=True)
    eligible_full_online = models.BooleanField(default=False)
    fee = models.BooleanField(default=False)
    paid_online = models.BooleanField(default=False)
    reused = models.BooleanField(default=False)
    identity_verified = models.BooleanField(default=False)
    electronic_result = models.BooleanField(default=False)
    rating = models.CharField(max_length=1, blank=True, choices=RatingState.choices)
    # Received: every paper of the dossier is held as a file (uploaded, scanned at the desk or reused).
    digitised = models.BooleanField(default=False)
    # Ended: a feedback (PAKN) about this dossier was raised and not refused as out of scope.
    with_feedback = models.BooleanField(default=False)
    dossiers = models.IntegerField(default=0)

    KEY = (
        "fact",
        "day",
        "agency_id",
        "unit_id",
        "procedure_id",
        "channel",
        "verdict",
        "eligible_full_online",
        "fee",
        "paid_online",
        "reused",
        "identity_verified",
        "electronic_result",
        "rating",
        "digitised",
        "with_feedback",
    )

    class Meta:
        verbose_name = _("số liệu ngày của chỉ số")
        verbose_name_plural = _("số liệu ngày của chỉ số")
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "fact",
                    "day",
                    "agency",
                    "unit",
                    "procedure",
                    "channel",
                    "verdict",
                    "eligible_full_online",
                    "fee",
                    "paid_online",
                    "reused",
                    "identity_verified",
                    "electronic_result",
                    "rating",
                    "digitised",
                    "with_feedback",
                ],
                name="serviceindex_dossier_day_key_v2",
            ),
        ]
        indexes = [
            models.Index(fields=["fact", "day", "agency"], name="serviceindex_day_agency_idx"),
            models.Index(fields=["fact", "day", "unit"], name="serviceindex_day_unit_idx"),
            # A period's rows whatever the fact: the query that measures every cube at once (computations.
            # measure_cubes) filters on the day range only, and scanned the whole table without this.
            models.Index(fields=["day", "agency"], name="serviceindex_day_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.fact} {self.day} {self.agency_id}: {self.dossiers}"


class DossierFootprint(models.Model):
    """The aggregate rows a dossier counts in now (a key per fact, empty when it counts in none).

    `dossier_id` is a plain number, not a foreign key: the footprint must outlive the dossier's row for as
    long as it takes to take the dossier out of the aggregates when it is deleted.
    """

    dossier_id = models.BigIntegerField(primary_key=True)
    received = models.CharField(max_length=200, blank=True)
    ended = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        return f"{self.dossier_id}: {self.received} / {self.ended}"


class FeedbackFact(models.TextChoices):
    HANDLING_DUE = "d", _("Hạn xử lý")
    PUBLISHED = "p", _("Công khai kết quả")


class FeedbackDay(models.Model):
    """How many feedback items of one day fall in one combination, for the satisfaction group's feedback
    indicators: by handling deadline ("d": answered or not, answered on time) for 5.1 and by publication
    day ("p": satisfied or not) for 5.2. Kept like `DossierDay`, in the transaction of every feedback
    action (serviceindex.feedback_aggregates), so the index reads a few rows per agency and day instead of
    grouping the feedback items."""

    fact = models.CharField(max_length=1, choices=FeedbackFact.choices)
    day = models.DateField()
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(AdministrativeUnit, on_delete=models.CASCADE, related_name="+")
    # "d": the answer was approved; "p": always true.
    answered = models.BooleanField(default=False)
    # "d": approved and not late; "p": not counted unsatisfied (feedback.selectors.unsatisfied).
    good = models.BooleanField(default=False)
    items = models.IntegerField(default=0)

    KEY = ("fact", "day", "agency_id", "unit_id", "answered", "good")

    class Meta:
        verbose_name = _("số liệu ngày về phản ánh, kiến nghị")
        verbose_name_plural = _("số liệu ngày về phản ánh, kiến nghị")
        constraints = [
            models.UniqueConstraint(
                fields=["fact", "day", "agency", "unit", "answered", "good"],
                name="serviceindex_feedback_day_key",
            ),
        ]
        indexes = [models.Index(fields=["fact", "day", "agency"], name="serviceindex_fb_day_agency_idx")]

    def __str__(self) -> str:
        return f"{self.fact} {self.day} {self.agency_id}: {self.items}"


class FeedbackFootprint(models.Model):
    """The `FeedbackDay` rows a feedback item counts in now (a plain number, as `DossierFootprint`)."""

    feedback_id = models.BigIntegerField(primary_key=True)
    due = models.CharField(max_length=100, blank=True)
    published = models.CharField(max_length=100, blank=True)

    def __str__(self) -> str:
        return f"{self.feedback_id}: {self.due} / {self.published}"


class FeeIntegration(DatedRow):
    """A procedure's fee at an agency integrated for online payment (the national payment platform or the
    province's gateway) over a period: what indicator 4.2 counts. Kept by administrators as the payment
    platform reports the procedures it has configured."""

    agency = models.ForeignKey(Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="+")
    procedure = models.ForeignKey(
        Procedure, verbose_name=_("thủ tục"), on_delete=models.CASCADE, related_name="+"
    )
    valid_from = models.DateField(_("tích hợp từ ngày"))
    valid_to = models.DateField(_("đến ngày"), null=True, blank=True)
    reference = models.CharField(
        _("mã trên nền tảng thanh toán"),
        max_length=100,
        blank=True,
        help_text=_("Mã dịch vụ hoặc văn bản ghi nhận việc tích hợp, nếu có"),
    )

    class Meta(DatedRow.Meta):
        verbose_name = _("thủ tục tích hợp thanh toán trực tuyến")
        verbose_name_plural = _("thủ tục tích hợp thanh toán trực tuyến")
        ordering = ["agency", "procedure", "-valid_from"]
        constraints = [
            *DatedRow.Meta.constraints,
            models.UniqueConstraint(
                fields=["agency", "procedure", "valid_from"], name="serviceindex_fee_integration_uniq"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.procedure} @ {self.agency}"
