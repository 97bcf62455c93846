"""Published versions are law and dossiers point at them: refuse any change to their content.

Services never try; this guard stops the admin, the shell and future code from doing it by mistake.
Only `valid_to` may be set on a published version, when a newer version takes over.
"""

from django.core.exceptions import ValidationError
from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from .models import ProcedureVersion, RequiredDocument, VersionChannel

BOOKKEEPING_FIELDS = frozenset({"valid_to"})


def _refuse() -> None:
    raise ValidationError(
        _("Phiên bản đã công bố không được sửa. / A published version cannot be changed."),
        code="published_version",
    )


@receiver(pre_save, sender=ProcedureVersion)
def _version_content_is_frozen(sender, instance: ProcedureVersion, raw=False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    stored = ProcedureVersion.objects.filter(pk=instance.pk).first()
    if stored is None or stored.decision_id is None:
        return
    for field in ProcedureVersion._meta.concrete_fields:
        if field.attname in BOOKKEEPING_FIELDS:
            continue
        if getattr(stored, field.attname) != getattr(instance, field.attname):
            _refuse()


@receiver(pre_delete, sender=ProcedureVersion)
def _version_is_kept(sender, instance: ProcedureVersion, **kwargs) -> None:
    if instance.decision_id is not None:
        _refuse()


@receiver(pre_save, sender=VersionChannel)
@receiver(pre_save, sender=RequiredDocument)
@receiver(pre_delete, sender=VersionChannel)
@receiver(pre_delete, sender=RequiredDocument)
def _children_are_frozen(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    if ProcedureVersion.objects.filter(pk=instance.version_id, decision__isnull=False).exists():
        _refuse()


@receiver(m2m_changed, sender=ProcedureVersion.levels.through)
def _levels_are_frozen(sender, instance, action: str, **kwargs) -> None:
    if (
        action.startswith("pre_")
        and isinstance(instance, ProcedureVersion)
        and instance.decision_id is not None
    ):
        _refuse()
