"""The built-in notification channel: every message is a row an administrator can read in the admin.

The same table is the queue of the real channels (e-mail through Django's mail backend, SMS and Zalo
plugins): a message is written in the transaction that decided to send it and delivered after commit, so a
failing gateway never rolls back a business action. Control's reminders and dossier notices both use it.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from motcua.core.models import DatedRow


class Channel(models.TextChoices):
    EMAIL = "email", _("Thư điện tử")
    SMS = "sms", _("Tin nhắn SMS")
    ZALO = "zalo", _("Zalo")


class OutboxMessage(models.Model):
    recipient = models.CharField(_("người nhận"), max_length=254)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    channel = models.CharField(_("kênh"), max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"))
    reference = models.CharField(_("liên quan"), max_length=80, blank=True, db_index=True)
    plugin = models.CharField(_("bộ gửi"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("hộp thư đi (thông báo)")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} · {self.subject}"


class SyncState(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENT = "sent", _("Đã đồng bộ")
    FAILED = "failed", _("Gửi không được, cần xử lý")


class SyncTarget(models.TextChoices):
    DOSSIER = "dossier", _("Cổng DVC quốc gia: hồ sơ")
    FEEDBACK = "feedback", _("Hệ thống PAKN quốc gia: trả lời")


class PortalSync(models.Model):
    """One change of a dossier to be told to the National Public Service Portal (the outbox of the sync).

    Written in the transaction of the change itself (reception, each status change), so that no committed
    change is missing here; sent by the task worker (integrations.portal). The key `code/sequence-event`
    is what the portal deduplicates on, so a change sent twice is recorded once there."""

    # Which national system the row goes to: the same outbox, retries and resending serve the dossier sync
    # and the answers to feedback the national PAKN system forwarded (then `dossier_code` is its MaPAKN).
    target = models.CharField(
        _("gửi đến"), max_length=10, choices=SyncTarget.choices, default=SyncTarget.DOSSIER
    )
    dossier_code = models.CharField(_("mã hồ sơ"), max_length=60)
    # The dossier's version after the change: orders one dossier's changes and keys them.
    sequence = models.PositiveIntegerField(_("thứ tự thay đổi"))
    event = models.CharField(_("sự kiện"), max_length=24)
    agency = models.ForeignKey(
        "org.Agency", verbose_name=_("cơ quan có thẩm quyền"), on_delete=models.PROTECT, related_name="+"
    )
    occurred_at = models.DateTimeField(_("thời điểm thay đổi"))
    payload = models.JSONField(_("nội dung gửi"))
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=SyncState.choices, default=SyncState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    next_attempt_at = models.DateTimeField(_("gửi lại lúc"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("Cổng xác nhận lúc"), null=True, blank=True)
    receipt = models.CharField(_("mã tiếp nhận của Cổng"), max_length=64, blank=True)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("đồng bộ hồ sơ lên Cổng DVC quốc gia")
        verbose_name_plural = _("đồng bộ hồ sơ lên Cổng DVC quốc gia")
        ordering = ["-occurred_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "dossier_code", "sequence"], name="portal_sync_one_per_change"
            ),
            models.CheckConstraint(condition=models.Q(state__in=SyncState.values), name="portal_sync_state"),
        ]
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="portal_sync_due_idx"),
            models.Index(fields=["agency", "occurred_at"], name="portal_sync_agency_idx"),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def key(self) -> str:
        """The idempotency key the portal deduplicates on."""
        return f"{self.dossier_code}/{self.sequence}-{self.event}"


class IntakeState(models.TextChoices):
    RECEIVED = "received", _("Đã vào hàng chờ kiểm tra")
    FAILED = "failed", _("Không nhận được, thử lại lần kéo sau")


class PortalIntake(models.Model):
    """A dossier a citizen submitted on the National Public Service Portal, as the province took it in.

    One row per portal code (`MaHoSoQG`): what makes the pull idempotent however often the portal offers
    the same submission. A failed row (a file that does not match its hash, an unknown procedure) is
    tried again at each pull until it is received; the administrator sees why on the status page."""

    national_code = models.CharField(_("mã hồ sơ trên Cổng DVC quốc gia"), max_length=40, unique=True)
    dossier_code = models.CharField(_("mã hồ sơ tại tỉnh"), max_length=40, blank=True)
    state = models.CharField(_("trạng thái"), max_length=10, choices=IntakeState.choices)
    attempts = models.PositiveSmallIntegerField(_("số lần nhận"), default=0)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=255, blank=True)
    first_seen_at = models.DateTimeField(_("thấy lần đầu lúc"), auto_now_add=True)
    received_at = models.DateTimeField(_("nhận vào lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("hồ sơ nhận từ Cổng DVC quốc gia")
        verbose_name_plural = _("hồ sơ nhận từ Cổng DVC quốc gia")
        ordering = ["-first_seen_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=IntakeState.values), name="portal_intake_state"
            ),
        ]

    def __str__(self) -> str:
        return self.national_code


class ConnectionHealth(models.Model):
    """How the last calls to a national system went, for the status page: a pull that runs at night
    (the national TTHC database) leaves no row behind, so its last failure is kept here, one row a
    connection, overwritten by the next call."""

    connection = models.CharField(_("kết nối"), max_length=40, unique=True)
    last_attempt_at = models.DateTimeField(_("gọi gần nhất lúc"))
    last_success_at = models.DateTimeField(_("thành công gần nhất lúc"), null=True, blank=True)
    failures = models.PositiveIntegerField(_("số lần lỗi liên tiếp"), default=0)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("tình trạng kết nối")
        verbose_name_plural = _("tình trạng kết nối")

    def __str__(self) -> str:
        return self.connection


class CollectionAccount(DatedRow):
    """The bank account an agency collects fees into, over a period: an agency that changes banks shows a
    dossier paid in March March's account. The BIN (the bank's NAPAS code) makes the VietQR transfer code."""

    agency = models.ForeignKey(
        "org.Agency", verbose_name=_("cơ quan thu"), on_delete=models.PROTECT, related_name="+"
    )
    bank_name = models.CharField(_("ngân hàng"), max_length=150)
    bank_bin = models.CharField(
        _("mã BIN ngân hàng (NAPAS)"),
        max_length=6,
        validators=[RegexValidator(r"^\d{6}$", _("Mã BIN gồm 6 chữ số. / A bank BIN is six digits."))],
    )
    account_number = models.CharField(
        _("số tài khoản"),
        max_length=19,
        validators=[
            RegexValidator(
                r"^[0-9A-Za-z]{1,19}$",
                _("Số tài khoản gồm chữ và số, tối đa 19 ký tự. / Letters and digits, at most 19."),
            )
        ],
    )
    account_name = models.CharField(_("chủ tài khoản"), max_length=150)
    branch = models.CharField(_("chi nhánh"), max_length=150, blank=True)

    class Meta(DatedRow.Meta):
        verbose_name = _("tài khoản thu phí, lệ phí")
        verbose_name_plural = _("tài khoản thu phí, lệ phí")
        ordering = ["agency", "-valid_from"]

    def __str__(self) -> str:
        return f"{self.agency} · {self.bank_name} {self.account_number}"
