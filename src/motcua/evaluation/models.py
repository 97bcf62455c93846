"""Citizen ratings of a dossier's handling: the questions are legal data with effective dates, each answer
points at the question as it was asked.

Which answers exist for a question is its answer set (evaluation.answers); whether a rating counts as
unsatisfied is also data: a criterion with `unsatisfied_at_most` set (the overall question, 2 of 4) marks
the rating unsatisfied when its answer is at or below that value.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from motcua.core.models import LegalParameter
from motcua.dossiers.models import Dossier


class AnswerSet(models.TextChoices):
    SATISFACTION = "satisfaction", _("Mức độ hài lòng (4 mức)")
    ATTITUDE = "attitude", _("Thái độ, tác phong (4 mức)")
    YES_NO = "yes_no", _("Có / Không")
    TIME = "time", _("Sớm hơn / Đúng / Muộn hơn quy định")
    COUNT = "count", _("Số lần (1, 2, 3, nhiều hơn 3)")
    PUBLICITY = "publicity", _("Mức độ công khai (3 mức)")


class RatingCriterion(LegalParameter):
    """A question of the rating form, in force over a period (a changed question is a new row)."""

    code = models.SlugField(_("mã tiêu chí"), max_length=40)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    question = models.CharField(_("câu hỏi"), max_length=255)
    question_en = models.CharField(_("câu hỏi (tiếng Anh)"), max_length=255)
    answer_set = models.CharField(_("bộ câu trả lời"), max_length=16, choices=AnswerSet.choices)
    weight = models.DecimalField(_("trọng số"), max_digits=5, decimal_places=2, default=1)
    required = models.BooleanField(_("bắt buộc trả lời"), default=True)
    unsatisfied_at_most = models.PositiveSmallIntegerField(
        _("chưa hài lòng khi điểm không quá"),
        null=True,
        blank=True,
        help_text=_("Để trống: câu hỏi không quyết định việc hài lòng"),
    )

    class Meta(LegalParameter.Meta):
        verbose_name = _("tiêu chí đánh giá")
        verbose_name_plural = _("tiêu chí đánh giá")
        ordering = ["position", "code", "-valid_from"]
        constraints = [
            *LegalParameter.Meta.constraints,
            models.UniqueConstraint(fields=["code", "valid_from"], name="rating_criterion_code_from_uniq"),
            models.CheckConstraint(condition=Q(weight__gte=0), name="rating_criterion_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.question}"


class Rating(models.Model):
    dossier = models.OneToOneField(
        Dossier, verbose_name=_("hồ sơ"), on_delete=models.CASCADE, related_name="rating"
    )
    # Empty for ratings recorded by the system (ballots collected at the counter, the demo).
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đánh giá"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rated_at = models.DateTimeField(_("đánh giá lúc"), db_index=True)
    comment = models.TextField(_("ý kiến khác"), blank=True)
    satisfied = models.BooleanField(_("hài lòng"))
    score = models.DecimalField(_("điểm (0–100)"), max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("đánh giá giải quyết hồ sơ")
        verbose_name_plural = _("đánh giá giải quyết hồ sơ")
        ordering = ["-rated_at", "-id"]
        indexes = [models.Index(fields=["satisfied", "rated_at"], name="rating_satisfied_idx")]

    def __str__(self) -> str:
        return f"{self.dossier_id} {'+' if self.satisfied else '-'}"


class RatingAnswer(models.Model):
    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(
        RatingCriterion, verbose_name=_("tiêu chí"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.PositiveSmallIntegerField(_("câu trả lời"))

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        ordering = ["rating", "criterion__position"]
        constraints = [
            models.UniqueConstraint(fields=["rating", "criterion"], name="rating_answer_once"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}={self.value}"
