from django.contrib import admin

from motcua.core.admin import AuditedAdmin

from .models import CommunicationActivity


@admin.register(CommunicationActivity)
class CommunicationActivityAdmin(AuditedAdmin):
    list_display = ["held_on", "agency", "kind", "title", "reach"]
    list_filter = ["kind", "held_on"]
    search_fields = ["title", "channel"]
    raw_id_fields = ["agency", "task", "recorded_by"]
