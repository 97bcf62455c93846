from django.contrib import admin

from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin

from .models import CitizenProfile, IdentityLink, VerificationCode


@admin.register(CitizenProfile)
class CitizenProfileAdmin(AuditedAdmin):
    list_display = ["full_name", "kind", "business_name", "identity_verified", "verified_at"]
    list_filter = ["kind", "identity_verified"]
    search_fields = ["full_name", "business_name", "id_number", "tax_code", "user__phone", "user__email"]
    raw_id_fields = ["user", "province", "commune"]
    readonly_fields = ["identity_verified", "verified_at", "created_at", "updated_at"]


@admin.register(IdentityLink)
class IdentityLinkAdmin(ReadOnlyAdmin):
    list_display = ["provider", "user", "created_at", "last_login_at"]
    list_filter = ["provider"]


@admin.register(VerificationCode)
class VerificationCodeAdmin(ReadOnlyAdmin):
    """For support staff answering "I got no code": when and where it went, never the code."""

    list_display = ["user", "purpose", "channel", "created_at", "expires_at", "attempts", "used_at"]
    list_filter = ["purpose", "channel"]
    exclude = ["code_hash", "destination"]
