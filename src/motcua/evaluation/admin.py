"""Admin: rating questions are legal data administrators keep (audited); ratings are read-only."""

from django.contrib import admin

from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin, ReadOnlyInline

from .models import Rating, RatingAnswer, RatingCriterion


@admin.register(RatingCriterion)
class RatingCriterionAdmin(AuditedAdmin):
    list_display = ["code", "position", "question", "answer_set", "weight", "valid_from", "valid_to"]
    list_filter = ["answer_set", "legal_basis"]
    search_fields = ["code", "question"]


class AnswerInline(ReadOnlyInline):
    model = RatingAnswer
    fields = ["criterion", "value"]


@admin.register(Rating)
class RatingAdmin(ReadOnlyAdmin):
    """Ratings are the citizens' own words: read, never edited."""

    list_display = ["dossier", "rated_at", "satisfied", "score"]
    list_filter = ["satisfied"]
    date_hierarchy = "rated_at"
    search_fields = ["dossier__code"]
    list_select_related = ["dossier"]
    inlines = [AnswerInline]
    readonly_fields = ["dossier", "rated_by", "rated_at", "comment", "satisfied", "score"]
