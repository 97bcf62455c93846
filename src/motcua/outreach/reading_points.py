"""Writes on reading points and the material delivered to them: by the staff of the commune that keeps
the point, or by the communication officers who see it; each audited."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.core.access import require
from motcua.core.audited import audited_save
from motcua.org.models import Agency, User

from .models import Distribution, ReadingPoint


def _require_keeper(actor: User | None, agency: Agency) -> None:
    if actor is not None and not actor.has_perm("outreach.record_for", agency):
        require(actor, "outreach.manage_faq_for", agency)


@transaction.atomic
def add_point(*, actor: User | None, agency: Agency, kind: str, name: str, address: str = "") -> ReadingPoint:
    _require_keeper(actor, agency)
    point = ReadingPoint(agency=agency, kind=kind, name=name.strip(), address=address.strip())
    return audited_save(point, actor=actor, action="reading_point.add")


@transaction.atomic
def record_distribution(
    *,
    actor: User | None,
    point: ReadingPoint,
    material: str,
    title: str,
    quantity: int,
    delivered_on: date,
    proof: UploadedFile | None = None,
) -> Distribution:
    _require_keeper(actor, point.agency)
    if delivered_on > timezone.localdate():
        raise ValidationError(
            {"delivered_on": _("Ngày cấp phát không được sau hôm nay. / The date cannot be in the future.")}
        )
    if not point.active:
        raise ValidationError(_("Điểm này đã ngừng hoạt động. / This point is closed."))
    row = Distribution(
        point=point,
        material=material,
        title=title.strip(),
        quantity=quantity,
        delivered_on=delivered_on,
        recorded_by=actor,
    )
    if proof is not None:
        row.proof = proof  # checked by the field's image policy
    return audited_save(row, actor=actor, action="distribution.record")
