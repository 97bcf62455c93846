from django.contrib import admin

from motcua.core.admin import AuditedAdmin
from motcua.org.selectors import visible_agencies

from .models import (
    Article,
    ArticleCategory,
    BulletinIssue,
    CommunicationActivity,
    Faq,
    FaqTopic,
    Question,
    QuestionLimit,
)


@admin.register(CommunicationActivity)
class CommunicationActivityAdmin(AuditedAdmin):
    list_display = ["held_on", "agency", "kind", "title", "reach"]
    list_filter = ["kind", "held_on"]
    search_fields = ["title", "channel"]
    raw_id_fields = ["agency", "task", "recorded_by"]


@admin.register(FaqTopic)
class FaqTopicAdmin(AuditedAdmin):
    list_display = ["name", "order"]
    search_fields = ["name"]


@admin.register(Faq)
class FaqAdmin(AuditedAdmin):
    list_display = ["question", "topic", "agency", "published", "updated_at"]
    list_filter = ["published", "topic"]
    search_fields = ["question", "answer"]
    raw_id_fields = ["agency", "procedure", "updated_by"]

    def get_queryset(self, request):
        # Administrators see the entries of the agencies they see, as on the staff pages.
        rows = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        return rows.filter(agency__in=visible_agencies(request.user))


@admin.register(QuestionLimit)
class QuestionLimitAdmin(AuditedAdmin):
    list_display = ["stage", "working_days", "valid_from", "valid_to", "legal_basis"]
    list_filter = ["stage"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    """Read only: every change goes through the services (routing, answer, approval, publication)."""

    list_display = ["code", "status", "agency", "asked_at", "due_at"]
    list_filter = ["status"]
    search_fields = ["code"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        rows = super().get_queryset(request)
        return rows if request.user.is_superuser else rows.filter(agency__in=visible_agencies(request.user))


@admin.register(ArticleCategory)
class ArticleCategoryAdmin(AuditedAdmin):
    list_display = ["name", "order"]


@admin.register(BulletinIssue)
class BulletinIssueAdmin(AuditedAdmin):
    list_display = ["number", "title", "issued_on"]


@admin.register(Article)
class ArticleAdmin(QuestionAdmin):
    """Read only, as questions: articles change through the editorial pages."""

    list_display = ["title", "status", "agency", "category", "publish_at"]
    list_filter = ["status", "category"]
    search_fields = ["title"]
