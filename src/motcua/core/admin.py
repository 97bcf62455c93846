"""Admin pages record every change as an audit event through `AuditedAdmin`."""

from django.contrib import admin
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import audit
from .models import AuditEvent


class AuditedAdmin(admin.ModelAdmin):
    """Every create, change and delete made in the admin leaves an audit event with old and new values."""

    def save_model(self, request, obj, form, change):
        request._audit_before = audit.snapshot(type(obj).objects.get(pk=obj.pk)) if change else {}
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # Many-to-many values exist only after save_related, so the event is written here.
        super().save_related(request, form, formsets, change)
        obj = form.instance
        action = f"{obj._meta.model_name}.{'change' if change else 'create'}"
        with transaction.atomic():
            audit.record(actor=request.user, action=action, target=obj, before=request._audit_before)

    def save_formset(self, request, form, formset, change):
        """Inline rows (e.g. a user's roles) are audited one by one, like top-level records."""
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            audit.record(
                actor=request.user,
                action=f"{obj._meta.model_name}.delete",
                target=obj,
                before=audit.snapshot(obj),
                after={},
            )
            obj.delete()
        for obj in instances:
            before = audit.snapshot(type(obj).objects.get(pk=obj.pk)) if obj.pk else {}
            obj.save()
            action = f"{obj._meta.model_name}.{'change' if before else 'create'}"
            audit.record(actor=request.user, action=action, target=obj, before=before)
        formset.save_m2m()

    def delete_model(self, request, obj):
        with transaction.atomic():
            audit.record(
                actor=request.user,
                action=f"{obj._meta.model_name}.delete",
                target=obj,
                before=audit.snapshot(obj),
                after={},
            )
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                self.delete_model(request, obj)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records the platform writes itself (audit trail, outbox, reminder log): people only read them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    """The rows a read-only record holds (a dossier's timeline, a rating's answers): shown, never edited.
    Subclasses name `model` and `fields`; every field is read-only."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    """Read-only: the trail is append-only."""

    list_display = ["occurred_at", "actor_label", "action", "target_type", "target_repr"]
    list_filter = ["action", "target_type"]
    search_fields = ["target_id", "target_repr", "actor_label", "action"]
    date_hierarchy = "occurred_at"
    readonly_fields = [f.name for f in AuditEvent._meta.fields]


admin.site.site_header = _("MộtCửa — quản trị")
admin.site.site_title = _("MộtCửa")
admin.site.index_title = _("Quản trị hệ thống")
