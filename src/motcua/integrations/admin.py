from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from motcua.core.admin import AuditedAdmin, ReadOnlyAdmin
from motcua.core.logmask import mask_secrets

from .models import CollectionAccount, OutboxMessage, PortalIntake, PortalSync, SyncState
from .portal import sync


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ReadOnlyAdmin):
    """Read-only: administrators read what was sent (the local channel of development and tests)."""

    list_display = ["created_at", "channel", "plugin", "recipient", "subject", "sent_at", "attempts"]
    list_filter = ["channel", "plugin", ("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["reference", "subject"]
    date_hierarchy = "created_at"
    # The body is shown with its verification codes and tokens masked: whoever reads the outbox must not
    # be able to sign up, log in or confirm in the citizen's name (issue 17).
    fields = readonly_fields = [
        "masked_body" if f.name == "body" else f.name for f in OutboxMessage._meta.fields
    ]

    @admin.display(description=_("nội dung"))
    def masked_body(self, message: OutboxMessage) -> str:
        return mask_secrets(message.body)


@admin.register(PortalSync)
class PortalSyncAdmin(ReadOnlyAdmin):
    """What was told to the national portal; failed rows are resent from here (or the status page)."""

    list_display = [
        "occurred_at",
        "dossier_code",
        "sequence",
        "event",
        "agency",
        "state",
        "attempts",
        "last_error",
    ]
    list_filter = ["state", "event", "agency"]
    search_fields = ["dossier_code"]
    date_hierarchy = "occurred_at"
    readonly_fields = [f.name for f in PortalSync._meta.fields]
    actions = ["resend"]

    @admin.action(description=_("Gửi lại lên Cổng DVC quốc gia"), permissions=["view"])
    def resend(self, request, queryset):
        count = sync.resend(request.user, list(queryset.exclude(state=SyncState.PENDING)))
        self.message_user(
            request, _("Đã đưa %(n)s thay đổi vào hàng gửi lại.") % {"n": count}, messages.SUCCESS
        )


@admin.register(PortalIntake)
class PortalIntakeAdmin(ReadOnlyAdmin):
    """Dossiers taken in from the national portal, and those the last pull could not take, with why."""

    list_display = ["first_seen_at", "national_code", "dossier_code", "state", "attempts", "last_error"]
    list_filter = ["state"]
    search_fields = ["national_code", "dossier_code"]
    readonly_fields = [f.name for f in PortalIntake._meta.fields]


@admin.register(CollectionAccount)
class CollectionAccountAdmin(AuditedAdmin):
    """The accounts agencies collect fees into, dated: a new bank from a day is a new row from that day."""

    list_display = [
        "agency",
        "bank_name",
        "bank_bin",
        "account_number",
        "account_name",
        "valid_from",
        "valid_to",
    ]
    list_filter = ["bank_name"]
    search_fields = ["agency__name", "account_number", "account_name"]
    autocomplete_fields = ["agency"]
