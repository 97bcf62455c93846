"""Admin: administrators set a contest up (rules, audience, phases, criteria, prizes, secretariat and jury)
and keep the register of good models; entries are read here, every later change goes through the pages."""

from django.contrib import admin

from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin

from .models import Contest, Criterion, Entry, GoodModel, GoodModelLink, Member, Phase, Prize


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


class PrizeInline(admin.TabularInline):
    model = Prize
    extra = 0


class MemberInline(admin.TabularInline):
    model = Member
    extra = 0
    autocomplete_fields = ["user", "agency"]


@admin.register(Contest)
class ContestAdmin(AuditedAdmin):
    list_display = ["code", "title", "organiser", "status", "launched_at"]
    list_filter = ["status"]
    search_fields = ["code", "title"]
    autocomplete_fields = ["organiser"]
    readonly_fields = ["status", "launched_at", "awarded_at"]
    inlines = [PhaseInline, CriterionInline, PrizeInline, MemberInline]

    def get_readonly_fields(self, request, obj=None):
        """Once launched, the rules, criteria and prizes entrants relied on are fixed."""
        if obj is not None and obj.status != "draft":
            return [f.name for f in self.model._meta.fields]
        return self.readonly_fields

    def get_inlines(self, request, obj):
        if obj is not None and obj.status != "draft":
            return [MemberInline]
        return self.inlines


@admin.register(Entry)
class EntryAdmin(ReadOnlyAdmin):
    """Status and results only: the entrant's contacts stay on the secretariat's pages."""

    list_display = ["code", "title", "contest", "status", "preliminary_rank", "final_rank", "prize"]
    list_filter = ["status", "contest"]
    search_fields = ["code", "title"]
    fields = ["code", "contest", "title", "category", "entrant_kind", "status", "submitted_at", "prize"]
    readonly_fields = fields


class GoodModelLinkInline(admin.TabularInline):
    model = GoodModelLink
    extra = 0


@admin.register(GoodModel)
class GoodModelAdmin(AuditedAdmin):
    list_display = ["title", "kind", "agency", "recognised_on", "published"]
    list_filter = ["kind", "published"]
    search_fields = ["title"]
    autocomplete_fields = ["agency"]
    inlines = [GoodModelLinkInline]
