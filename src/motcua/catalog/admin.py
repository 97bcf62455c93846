"""Back office of the TTHC-control officer: drafts, publication decisions, applicability, processes, synonyms.

Every page keeps history (django-simple-history) and audit events (core.admin.AuditedAdmin); the business
actions (issuing a decision, applying a procedure, saving a synonym) go through catalog.services.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from motcua.core.admin import AuditedAdmin

from . import services
from .models import (
    AgencyProcedure,
    Level,
    Procedure,
    ProcedureVersion,
    Process,
    ProcessStep,
    PublicationDecision,
    PublicationRule,
    RequiredDocument,
    Sector,
    Synonym,
    VersionChannel,
)


class HistoryAdmin(SimpleHistoryAdmin, AuditedAdmin):
    """History of every row plus the audit trail."""


@admin.register(Level)
class LevelAdmin(HistoryAdmin):
    list_display = ["rank", "code", "name"]


@admin.register(Sector)
class SectorAdmin(HistoryAdmin):
    list_display = ["code", "name", "managing_body"]
    search_fields = ["code", "name"]


@admin.register(PublicationRule)
class PublicationRuleAdmin(HistoryAdmin):
    list_display = ["kind", "working_days", "valid_from", "valid_to", "legal_basis"]


class VersionInline(admin.TabularInline):
    model = ProcedureVersion
    fk_name = "procedure"
    fields = ["number", "change_kind", "valid_from", "valid_to", "decision", "name"]
    readonly_fields = ["number", "change_kind", "valid_from", "valid_to", "decision", "name"]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Procedure)
class ProcedureAdmin(HistoryAdmin):
    list_display = ["national_code", "name", "sector", "status"]
    list_filter = ["status", "sector"]
    search_fields = ["national_code", "name"]
    inlines = [VersionInline]

    def get_readonly_fields(self, request, obj=None):
        # Name, sector and status follow the published versions; only a decision changes them.
        return ["name", "sector", "status"] if obj else ["status"]


class DraftChildInline(admin.TabularInline):
    extra = 0

    def _editable(self, obj) -> bool:
        return obj is None or obj.is_draft

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


class ChannelInline(DraftChildInline):
    model = VersionChannel


class DocumentInline(DraftChildInline):
    model = RequiredDocument


@admin.register(ProcedureVersion)
class ProcedureVersionAdmin(HistoryAdmin):
    """Drafts are edited here; published versions are shown read-only."""

    list_display = ["procedure", "number", "name", "change_kind", "valid_from", "valid_to", "decision"]
    list_filter = ["change_kind", "sector", "online_level", "any_boundary"]
    search_fields = ["procedure__national_code", "name"]
    autocomplete_fields = ["procedure", "sector"]
    inlines = [ChannelInline, DocumentInline]
    exclude = ["search_name", "search_text"]
    readonly_fields = ["number", "decision", "change_kind", "replaced_by", "valid_from", "valid_to"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_draft:
            return [f.name for f in ProcedureVersion._meta.fields if f.name not in self.exclude] + ["levels"]
        return self.readonly_fields

    def has_delete_permission(self, request, obj=None):
        return (obj is None or obj.is_draft) and super().has_delete_permission(request, obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.index_draft(form.instance)


class DecisionForm(forms.ModelForm):
    publish = forms.ModelMultipleChoiceField(
        label=_("Công bố các dự thảo (mới hoặc sửa đổi)"),
        required=False,
        queryset=Procedure.objects.filter(versions__decision__isnull=True).distinct(),
    )
    abolish = forms.ModelMultipleChoiceField(
        label=_("Bãi bỏ các thủ tục"),
        required=False,
        queryset=Procedure.objects.filter(versions__decision__isnull=False).distinct(),
    )

    class Meta:
        model = PublicationDecision
        fields = [
            "number",
            "title",
            "signed_on",
            "signer",
            "issuer",
            "effective_from",
            "legal_documents",
            "legal_effective_on",
            "posted_on",
        ]

    def clean(self):
        data = super().clean() or {}
        if not data.get("publish") and not data.get("abolish"):
            raise ValidationError(
                _("Quyết định phải công bố ít nhất một thủ tục. / A decision must touch a procedure.")
            )
        if data.get("effective_from"):
            procedures = [*data.get("publish", []), *data.get("abolish", [])]
            problems = services.decision_problems(
                effective_from=data["effective_from"], procedures=procedures
            )
            if problems:
                raise ValidationError(problems)
        return data


@admin.register(PublicationDecision)
class PublicationDecisionAdmin(SimpleHistoryAdmin):
    """Issuing runs services.issue_publication_decision (versions and audit in one transaction)."""

    list_display = ["number", "signed_on", "effective_from", "published_on_time", "posted_on_time"]
    list_filter = ["published_on_time", "posted_on_time"]
    search_fields = ["number", "title"]
    form = DecisionForm

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ["publish_deadline", "published_on_time", "post_deadline", "posted_on_time"]
        return [f.name for f in PublicationDecision._meta.fields if f.name != "posted_on"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            kwargs["form"] = forms.ModelForm
            kwargs["fields"] = ["posted_on"]
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            services.record_national_posting(actor=request.user, decision=obj, posted_on=obj.posted_on)
            return
        data = form.cleaned_data
        decision = services.issue_publication_decision(
            actor=request.user,
            number=data["number"],
            title=data["title"],
            signed_on=data["signed_on"],
            signer=data["signer"],
            issuer=data.get("issuer"),
            effective_from=data["effective_from"],
            legal_documents=data["legal_documents"],
            legal_effective_on=data.get("legal_effective_on"),
            posted_on=data.get("posted_on"),
            publish=list(data["publish"]),
            abolish=list(data["abolish"]),
        )
        obj.pk = decision.pk

    def save_related(self, request, form, formsets, change):
        """The service has saved everything."""


@admin.register(AgencyProcedure)
class AgencyProcedureAdmin(SimpleHistoryAdmin):
    list_display = ["local_code", "procedure", "agency", "fee", "online_level"]
    search_fields = ["local_code", "procedure__name", "agency__name"]
    autocomplete_fields = ["procedure", "agency"]
    readonly_fields = ["local_code"]

    def save_model(self, request, obj, form, change):
        saved = services.apply_procedure(
            actor=request.user,
            procedure=obj.procedure,
            agency=obj.agency,
            office_address=obj.office_address,
            fee=obj.fee,
            online_level=obj.online_level,
            note=obj.note,
        )
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        services.withdraw_procedure(actor=request.user, procedure=obj.procedure, agency=obj.agency)


class StepFormSet(forms.BaseInlineFormSet):
    """Refuses steps that add up to more than the legal time limit (catalog.services.check_process)."""

    def clean(self):
        super().clean()
        procedure = self.instance.procedure if self.instance.procedure_id else None
        if procedure is None or any(self.errors):
            return
        steps = [f.cleaned_data for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        problems = services.check_process(procedure=procedure, channel=self.instance.channel, steps=steps)
        if problems:
            raise ValidationError(problems)


class StepInline(admin.TabularInline):
    model = ProcessStep
    formset = StepFormSet
    extra = 1
    autocomplete_fields = ["agency"]


@admin.register(Process)
class ProcessAdmin(HistoryAdmin):
    list_display = ["name", "procedure", "agency", "channel"]
    search_fields = ["name", "procedure__national_code", "procedure__name"]
    autocomplete_fields = ["procedure", "agency"]
    inlines = [StepInline]


@admin.register(Synonym)
class SynonymAdmin(SimpleHistoryAdmin):
    list_display = ["term", "expansion", "weight"]
    search_fields = ["term", "expansion", "term_folded"]
    fields = ["term", "expansion", "weight"]

    def save_model(self, request, obj, form, change):
        if change:
            stored = Synonym.objects.get(pk=obj.pk)
            if stored.term_folded != " ".join(services.words(obj.term)):
                services.delete_synonym(actor=request.user, synonym=stored)
        obj.pk = services.save_synonym(
            actor=request.user, term=obj.term, expansion=obj.expansion, weight=obj.weight
        ).pk

    def delete_model(self, request, obj):
        services.delete_synonym(actor=request.user, synonym=obj)
