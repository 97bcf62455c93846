"""Admin pages for day overrides and office hours: audited changes, with configuration history to read."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from motcua.core.admin import AuditedAdmin

from .labels import WEEKDAYS
from .models import DayOverride, OfficeHours


class AuditedHistoryAdmin(AuditedAdmin, SimpleHistoryAdmin):
    """History is there to read; a revert would bypass the audit trail, so changes go through the form."""

    def revert_disabled(self, request, obj=None):
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class YearFilter(admin.SimpleListFilter):
    """Overrides are announced year by year; officers look for one year at a time."""

    title = _("năm")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates("date", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(date__year=int(value))
        return queryset


class ScopeFilter(admin.SimpleListFilter):
    title = _("phạm vi")
    parameter_name = "scope"

    def lookups(self, request, model_admin):
        return [("national", _("Toàn quốc")), ("province", _("Tỉnh, thành phố"))]

    def queryset(self, request, queryset):
        if self.value() == "national":
            return queryset.filter(province__isnull=True)
        if self.value() == "province":
            return queryset.filter(province__isnull=False)
        return queryset


@admin.register(DayOverride)
class DayOverrideAdmin(AuditedHistoryAdmin):
    list_display = ["date", "weekday", "kind", "name", "scope", "legal_basis"]
    list_filter = [YearFilter, "kind", ScopeFilter]
    search_fields = ["name", "legal_basis", "province__name", "province__code"]
    autocomplete_fields = ["province"]
    fields = ["date", "kind", "name", "province", "legal_basis", "created_at", "updated_at"]
    readonly_fields = ["created_at", "updated_at"]
    list_select_related = ["province"]

    @admin.display(description=_("thứ"))
    def weekday(self, obj: DayOverride) -> str:
        return str(WEEKDAYS[obj.date.weekday()][1])

    @admin.display(description=_("phạm vi"), ordering="province__name")
    def scope(self, obj: DayOverride) -> str:
        return obj.province.name if obj.province else str(_("Toàn quốc"))


@admin.register(OfficeHours)
class OfficeHoursAdmin(AuditedHistoryAdmin):
    list_display = ["periods", "saturday_periods", "scope", "valid_from", "valid_to", "legal_basis"]
    list_filter = [ScopeFilter]
    search_fields = ["periods", "legal_basis", "province__name", "province__code"]
    autocomplete_fields = ["province"]
    list_select_related = ["province"]

    @admin.display(description=_("phạm vi"), ordering="province__name")
    def scope(self, obj: OfficeHours) -> str:
        return obj.province.name if obj.province else str(_("Toàn quốc"))
