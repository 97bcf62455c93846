"""Admin for the control work: legal parameters (cut-offs, reminder rules, the due-soon window, report
templates) and a view of the records; every change is audited through AuditedAdmin."""

from django.contrib import admin

from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin

from .models import (
    ControlParameter,
    Plan,
    ProgressReport,
    Reminder,
    ReminderRule,
    Report,
    ReportingCutoff,
    ReportingPeriod,
    ReportRequest,
    ReportTemplate,
    ScorecardWeight,
    Target,
    Task,
    TaskOccurrence,
    TemplateField,
    TemplateSection,
)


@admin.register(ControlParameter)
class ControlParameterAdmin(AuditedAdmin):
    list_display = ["key", "value", "valid_from", "valid_to", "legal_basis"]


@admin.register(ReminderRule)
class ReminderRuleAdmin(AuditedAdmin):
    list_display = ["name", "kind", "working_days", "repeat_daily", "valid_from", "valid_to", "legal_basis"]
    list_filter = ["kind"]


@admin.register(ScorecardWeight)
class ScorecardWeightAdmin(AuditedAdmin):
    list_display = ["measure", "points", "position", "valid_from", "valid_to", "legal_basis"]


@admin.register(ReportingCutoff)
class ReportingCutoffAdmin(AuditedAdmin):
    list_display = [
        "frequency",
        "months",
        "start_day",
        "end_day",
        "submit_within_working_days",
        "valid_from",
        "valid_to",
        "legal_basis",
    ]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(AuditedAdmin):
    list_display = ["label", "frequency", "year", "number", "start", "end"]
    list_filter = ["frequency", "year"]


class TemplateFieldInline(admin.TabularInline):
    model = TemplateField
    extra = 0


@admin.register(TemplateSection)
class TemplateSectionAdmin(AuditedAdmin):
    list_display = ["template", "order", "title"]
    inlines = [TemplateFieldInline]


class TemplateSectionInline(admin.TabularInline):
    model = TemplateSection
    extra = 0
    show_change_link = True


@admin.register(ReportTemplate)
class ReportTemplateAdmin(AuditedAdmin):
    list_display = ["code", "name", "valid_from", "valid_to", "legal_basis"]
    inlines = [TemplateSectionInline]


class TargetInline(admin.TabularInline):
    model = Target
    extra = 0
    fields = ["code", "name", "unit", "target_value", "source", "computation", "aggregation"]


@admin.register(Plan)
class PlanAdmin(AuditedAdmin):
    list_display = ["number", "title", "kind", "issuing_agency", "year_from", "year_to", "status"]
    list_filter = ["kind", "status", "year_from"]
    search_fields = ["number", "title"]
    raw_id_fields = ["issuing_agency", "owner_agency", "parent"]
    inlines = [TargetInline]


@admin.register(Task)
class TaskAdmin(AuditedAdmin):
    list_display = ["plan", "number", "lead_agency", "recurrence", "due_on"]
    list_filter = ["recurrence", "plan"]
    search_fields = ["content"]
    raw_id_fields = ["plan", "lead_agency", "parent"]
    filter_horizontal = ["supporting_agencies", "targets"]

    def get_readonly_fields(self, request, obj=None):
        # Occurrences are generated from the deadline fields when the task is created through the pages.
        return ["start_on", "recurrence", "due_on", "due_day", "end_on"] if obj else []


@admin.register(TaskOccurrence)
class TaskOccurrenceAdmin(AuditedAdmin):
    list_display = ["task", "label", "due_on", "status", "percent", "completed_on"]
    list_filter = ["status"]
    raw_id_fields = ["task"]


@admin.register(ProgressReport)
class ProgressReportAdmin(AuditedAdmin):
    list_display = ["occurrence", "agency", "percent", "is_completion", "review_status", "submitted_at"]
    list_filter = ["review_status", "is_completion"]
    raw_id_fields = ["occurrence", "agency", "author", "reviewed_by"]


@admin.register(ReportRequest)
class ReportRequestAdmin(AuditedAdmin):
    list_display = ["title", "period", "plan", "due_on"]
    raw_id_fields = ["plan"]
    filter_horizontal = ["agencies"]


@admin.register(Report)
class ReportAdmin(AuditedAdmin):
    list_display = ["request", "agency", "status", "submitted_at"]
    list_filter = ["status"]
    raw_id_fields = ["request", "agency", "submitted_by"]


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    """The reminder log is a record of what was sent: read-only."""

    list_display = ["day", "agency", "rule", "sent_by", "recipients"]
    list_filter = ["rule", "day"]
