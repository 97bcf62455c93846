"""Admin: the index's groups, indicators and score rule (dated legal parameters) and the procedures whose
fee is integrated for online payment; every change audited. The aggregates are never edited by hand
(`rebuild_index_aggregates` recounts them)."""

from django.contrib import admin

from motcua.core.admin import AuditedAdmin

from .models import FeeIntegration, IndexGroup, Indicator, ScoreRule


@admin.register(IndexGroup)
class IndexGroupAdmin(AuditedAdmin):
    list_display = ["code", "name", "max_points", "valid_from", "valid_to", "legal_basis"]


@admin.register(Indicator)
class IndicatorAdmin(AuditedAdmin):
    list_display = ["code", "name", "group", "max_points", "target", "computation", "valid_from", "valid_to"]
    list_filter = ["group"]


@admin.register(ScoreRule)
class ScoreRuleAdmin(AuditedAdmin):
    list_display = ["kind", "decimals", "valid_from", "valid_to", "legal_basis"]


@admin.register(FeeIntegration)
class FeeIntegrationAdmin(AuditedAdmin):
    list_display = ["procedure", "agency", "valid_from", "valid_to", "reference"]
    autocomplete_fields = ["agency", "procedure"]
    search_fields = ["procedure__national_code", "procedure__name"]
