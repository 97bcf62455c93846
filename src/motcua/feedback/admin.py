"""Admin: the PAKN time limits and the desks are data administrators keep (audited); feedback is read-only."""

from django.contrib import admin

from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin

from .models import Feedback, FeedbackDesk, FeedbackLimit


@admin.register(FeedbackLimit)
class FeedbackLimitAdmin(AuditedAdmin):
    list_display = ["stage", "working_days", "valid_from", "valid_to", "legal_basis"]
    list_filter = ["stage"]


@admin.register(FeedbackDesk)
class FeedbackDeskAdmin(AuditedAdmin):
    list_display = ["agency", "role", "is_default"]
    autocomplete_fields = ["agency"]


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyAdmin):
    """Status and classification only: the sender's data stays on the pages of those handling it."""

    list_display = ["code", "status", "channel", "agency", "received_at", "due_at", "published_at"]
    list_filter = ["status", "channel", "category"]
    search_fields = ["code"]
    date_hierarchy = "received_at"
    list_select_related = ["agency"]
    fields = ["code", "status", "channel", "kind", "category", "sector", "agency", "received_at", "due_at"]
    readonly_fields = fields
