"""Admin pages for the organisation tree; every change is audited (core.admin.AuditedAdmin)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from motcua.core.admin import AuditedAdmin

from .models import AdministrativeLevel, AdministrativeUnit, Agency, FeedbackChannel, RoleAssignment, User
from .selectors import visible_agencies


class ScopedToVisibleAgencies:
    """Non-superusers see only what `visible_agencies` grants them."""

    agency_path = "pk"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.agency_path}__in": visible_agencies(request.user)}).distinct()


@admin.register(AdministrativeLevel)
class AdministrativeLevelAdmin(AuditedAdmin):
    list_display = ["rank", "code", "name"]


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(AuditedAdmin):
    list_display = ["code", "name", "level", "parent", "valid_from", "valid_to", "successor"]
    list_filter = ["level", "valid_to"]
    search_fields = ["code", "name"]
    autocomplete_fields = ["parent", "successor"]


@admin.register(Agency)
class AgencyAdmin(ScopedToVisibleAgencies, AuditedAdmin):
    list_display = ["code", "name", "kind", "administrative_unit", "parent", "valid_to"]
    list_filter = ["kind", "administrative_unit__level"]
    search_fields = ["code", "name", "short_name"]
    autocomplete_fields = ["parent", "administrative_unit", "successor"]
    fieldsets = [
        (None, {"fields": ["code", "name", "short_name", "kind", "parent", "administrative_unit"]}),
        (_("Liên hệ"), {"fields": ["address", "phone", "email", "office_hours_note"]}),
        (_("Hiệu lực"), {"fields": ["valid_from", "valid_to", "successor"]}),
    ]


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["agency"]


@admin.register(User)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):
    list_display = ["username", "full_name", "account_type", "is_active", "is_staff"]
    list_filter = ["account_type", "is_active", "is_staff", "roles__role"]
    search_fields = ["username", "full_name", "email", "phone"]
    # Django's pages ask for a first and a last name; a Vietnamese name is one field ("Đỗ Thị Mai").
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Thông tin cá nhân"), {"fields": ["full_name", "email", "phone", "account_type"]}),
        (
            _("Quyền"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Thời điểm"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["username", "full_name", "password1", "password2"]}),
    ]
    inlines = [RoleInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        # Administrators manage staff of the agencies they see; citizens are not theirs to browse here.
        return queryset.filter(roles__agency__in=visible_agencies(request.user)).distinct()


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(ScopedToVisibleAgencies, AuditedAdmin):
    agency_path = "agency"
    list_display = ["user", "role", "agency", "valid_from", "valid_to"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__full_name", "agency__name", "agency__code"]
    autocomplete_fields = ["user", "agency"]


@admin.register(FeedbackChannel)
class FeedbackChannelAdmin(ScopedToVisibleAgencies, AuditedAdmin):
    agency_path = "agency"
    list_display = ["agency", "kind", "value", "position"]
    list_filter = ["kind"]
    autocomplete_fields = ["agency"]
