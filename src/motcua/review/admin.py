from django.contrib import admin

from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin

from .models import (
    ApprovalDecision,
    DraftRegulation,
    IncomeRate,
    OpinionTimeLimit,
    ProcedureReview,
    ReviewItem,
)


@admin.register(IncomeRate)
class IncomeRateAdmin(AuditedAdmin):
    list_display = (
        "monthly_income",
        "working_days",
        "working_hours",
        "valid_from",
        "valid_to",
        "statistical_source",
    )


@admin.register(ReviewItem)
class ReviewItemAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "plan", "reviewing_agency", "due_on")


@admin.register(ProcedureReview)
class ProcedureReviewAdmin(ReadOnlyAdmin):
    list_display = ("procedure", "item", "status", "proposal", "annual_before", "annual_after")
    list_filter = ("status", "proposal")


@admin.register(ApprovalDecision)
class ApprovalDecisionAdmin(ReadOnlyAdmin):
    list_display = ("number", "signed_on", "signer", "plan")


@admin.register(OpinionTimeLimit)
class OpinionTimeLimitAdmin(AuditedAdmin):
    list_display = ("working_days", "valid_from", "valid_to", "legal_basis")


@admin.register(DraftRegulation)
class DraftRegulationAdmin(ReadOnlyAdmin):
    list_display = ("title", "drafting_agency", "received_on", "opinion_due_on", "status")
    list_filter = ("status",)
