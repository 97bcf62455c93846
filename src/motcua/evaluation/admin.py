"""Admin: rating questions are legal data administrators keep (audited); ratings are read-only."""

from django.contrib import admin

from motcua.core.admin import AuditedAdmin

from .models import Rating, RatingAnswer, RatingCriterion


@admin.register(RatingCriterion)
class RatingCriterionAdmin(AuditedAdmin):
    list_display = ["code", "position", "question", "answer_set", "weight", "valid_from", "valid_to"]
    list_filter = ["answer_set", "legal_basis"]
    search_fields = ["code", "question"]


class AnswerInline(admin.TabularInline):
    model = RatingAnswer
    fields = ["criterion", "value"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["dossier", "rated_at", "satisfied", "score"]
    list_filter = ["satisfied"]
    date_hierarchy = "rated_at"
    search_fields = ["dossier__code"]
    list_select_related = ["dossier"]
    inlines = [AnswerInline]
    readonly_fields = ["dossier", "rated_by", "rated_at", "comment", "satisfied", "score"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
