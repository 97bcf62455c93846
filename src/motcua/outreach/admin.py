from django.contrib import admin

from motcua.core.admin import AuditedAdmin
from motcua.org.selectors import visible_agencies

from .models import CommunicationActivity, Faq, FaqTopic


@admin.register(CommunicationActivity)
class CommunicationActivityAdmin(AuditedAdmin):
    list_display = ["held_on", "agency", "kind", "title", "reach"]
    list_filter = ["kind", "held_on"]
    search_fields = ["title", "channel"]
    raw_id_fields = ["agency", "task", "recorded_by"]


@admin.register(FaqTopic)
class FaqTopicAdmin(AuditedAdmin):
    list_display = ["name", "order"]
    search_fields = ["name"]


@admin.register(Faq)
class FaqAdmin(AuditedAdmin):
    list_display = ["question", "topic", "agency", "published", "updated_at"]
    list_filter = ["published", "topic"]
    search_fields = ["question", "answer"]
    raw_id_fields = ["agency", "procedure", "updated_by"]

    def get_queryset(self, request):
        # Administrators see the entries of the agencies they see, as on the staff pages.
        rows = super().get_queryset(request)
        if request.user.is_superuser:
            return rows
        return rows.filter(agency__in=visible_agencies(request.user))
