from django.contrib import admin

from motcua.core.admin import ReadOnlyAdmin

from .models import OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    """Read-only: administrators read what was sent (the local channel of development and tests)."""

    list_display = ["created_at", "channel", "plugin", "recipient", "subject", "sent_at", "attempts"]
    list_filter = ["channel", "plugin", ("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["reference", "subject"]
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in OutboxMessage._meta.fields]
