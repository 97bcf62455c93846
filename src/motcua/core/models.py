"""Append-only audit events (who did what to which record, when, with old and new values), and the
abstract bases of rows with a validity period: OptionalPeriod, DatedRow and LegalParameter."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .storage import private_storage
from .uploads import PolicyValidator


class AuditEvent(models.Model):
    occurred_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text so the event stays readable after the account is deleted.
    actor_label = models.CharField(_("tên người thực hiện"), max_length=150, blank=True)
    action = models.CharField(_("hành động"), max_length=80, db_index=True)
    target_type = models.CharField(_("loại đối tượng"), max_length=100, db_index=True)
    target_id = models.CharField(_("mã đối tượng"), max_length=64, db_index=True)
    target_repr = models.CharField(_("đối tượng"), max_length=255, blank=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    reason = models.TextField(_("lý do"), blank=True)

    class Meta:
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id", "occurred_at"])]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target_repr}"


def _valid_range() -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
        name="%(app_label)s_%(class)s_valid_range",
        violation_error_message=_(
            "Ngày hết hiệu lực không được trước ngày có hiệu lực. / The end of validity cannot be "
            "before its start."
        ),
    )


class OptionalPeriod(models.Model):
    """A row whose period may be open at both ends: an empty `valid_from` means "since before the register
    knew" (an agency, an administrative unit) or "not yet" (a procedure's draft version), an empty
    `valid_to` "still". The same range check as every dated row (a NULL end passes it, as in SQL).

    A subclass may redeclare `valid_from`/`valid_to` to name them for its own users; the check stays."""

    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        abstract = True
        constraints = [_valid_range()]


class DatedRow(OptionalPeriod):
    """A row that holds over a period: from `valid_from` (required) to `valid_to` (open when empty),
    checked in the database like LegalParameter's. For a fact with a period but no legal text of its
    own (a fee integrated for online payment); a rule that rests on a text is a LegalParameter."""

    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta(OptionalPeriod.Meta):
        abstract = True


class LegalParameter(DatedRow):
    """A rule with an effective period and the text it rests on (time limits, weights, cut-offs, templates).

    A subclass that declares its own Meta inherits this one, so the period check stays:

        class Meta(LegalParameter.Meta):
            constraints = [*LegalParameter.Meta.constraints, models.UniqueConstraint(...)]

    `core.checks` fails `manage.py check` (and the test suite) when a subclass lost the constraint.
    Find the row in force on a day with `core.validity.in_force(Model.objects.filter(...), day)`.
    """

    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)

    class Meta(DatedRow.Meta):
        abstract = True


def private_file_field(upload_to: str, policy: str) -> models.FileField:
    """The `file` of a record's attachment: private storage (no public address, served by `core:download`
    after the owning app's check), content checked by the upload policy named."""
    return models.FileField(
        _("tệp"), storage=private_storage, upload_to=upload_to, validators=[PolicyValidator(policy)]
    )


class AttachedFile(models.Model):
    """A file attached to a record (a feedback item's evidence, a contest entry's work): its name as sent
    and when it came. A subclass adds the record's key and `file = private_file_field(upload_to, policy)`."""

    name = models.CharField(_("tên tệp"), max_length=255)
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name
