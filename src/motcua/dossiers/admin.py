"""Admin: dossiers and their timeline read-only (they change only through services); form templates are
legal data an administrator keeps, audited like every admin change."""

from django.contrib import admin

from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin, ReadOnlyInline
from motcua.core.paging import EstimatedCountPaginator

from .models import Dossier, DossierEvent, FormTemplate


class EventInline(ReadOnlyInline):
    model = DossierEvent
    fields = ["occurred_at", "action", "from_status", "to_status", "actor_label", "to_agency", "timeliness"]


@admin.register(Dossier)
class DossierAdmin(ReadOnlyAdmin):
    list_display = [
        "code",
        "status",
        "receiving_agency",
        "competent_agency",
        "received_at",
        "due_at",
        "timeliness",
    ]
    list_filter = ["status", "channel", "timeliness"]
    search_fields = ["code"]
    # No date hierarchy and no count of the whole table: both scan every dossier (1.4 s at 1M rows, issue 23).
    # The page links count the filtered list by the planner's estimate once it is large (core.paging).
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    inlines = [EventInline]
    list_select_related = ["receiving_agency", "competent_agency"]
    # Personal data stays out of the list; the detail shows it to administrators only.
    readonly_fields = [f.name for f in Dossier._meta.fields]


@admin.register(FormTemplate)
class FormTemplateAdmin(AuditedAdmin):
    list_display = ["number", "title", "kind", "valid_from", "valid_to", "legal_basis"]
    list_filter = ["kind", "legal_basis"]
