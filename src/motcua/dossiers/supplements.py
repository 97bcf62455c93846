"""What a request to complete or supplement asks for (form 02): the reason, the papers to add or correct, and
who asked, the one-stop officer at the check or the specialist during processing.

`record` is called by the request's service, in its transaction, with the timeline event it wrote."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from motcua.org.models import Role

from .lifecycle import DECIDERS, ONE_STOP, SPECIALIST, Status
from .models import Dossier, DossierEvent, SupplementPaper, SupplementRequest
from .rules import roles_on

MAX_PAPERS = 30


@dataclass(frozen=True)
class PaperLine:
    name: str
    detail: str = ""


def parse_lines(text: str) -> list[PaperLine]:
    """One paper a line, as an officer types them: "Tên giấy tờ: nội dung cần sửa" (detail optional)."""
    found = []
    for line in (text or "").splitlines():
        name, _colon, detail = line.partition(":")
        if name.strip():
            found.append(PaperLine(name=name.strip(), detail=detail.strip()))
    return found


def clean_papers(papers: Iterable[PaperLine | dict]) -> list[PaperLine]:
    lines = [p if isinstance(p, PaperLine) else PaperLine(**p) for p in papers]
    lines = [PaperLine(" ".join(p.name.split()), " ".join(p.detail.split())) for p in lines]
    if len(lines) > MAX_PAPERS:
        raise ValidationError(
            {
                "papers": _("Tối đa %(n)s giấy tờ mỗi lần yêu cầu. / At most %(n)s papers per request.")
                % {"n": MAX_PAPERS}
            }
        )
    if any(not p.name or len(p.name) > 500 or len(p.detail) > 1000 for p in lines):
        raise ValidationError(
            {
                "papers": _(
                    "Mỗi giấy tờ cần có tên (tối đa 500 ký tự, nội dung tối đa 1000). "
                    "/ Each paper needs a name (at most 500 characters, detail at most 1000)."
                )
            }
        )
    return lines


def asked_as(actor, dossier: Dossier, event: DossierEvent) -> str:
    """The role the request was made in: the one-stop officer at the check or at reception, else the
    specialist (or the head or leader) handling the dossier."""
    held = roles_on(actor, dossier)
    if ONE_STOP in held and event.from_status in (Status.SUBMITTED, Status.RECEIVED):
        return Role.ONE_STOP_OFFICER
    for role in (SPECIALIST, *sorted(DECIDERS)):
        if role in held:
            return role
    return Role.ONE_STOP_OFFICER if ONE_STOP in held else ""


def record(
    actor, dossier: Dossier, event: DossierEvent, *, reason: str, papers: Sequence[PaperLine]
) -> SupplementRequest:
    user = actor if getattr(actor, "is_authenticated", False) else None
    request = SupplementRequest.objects.create(
        dossier=dossier,
        event=event,
        requested_at=event.occurred_at,
        requested_by=user,
        requested_as=asked_as(actor, dossier, event) if user else "",
        reason=reason,
    )
    SupplementPaper.objects.bulk_create(
        SupplementPaper(request=request, position=index, name=p.name, detail=p.detail)
        for index, p in enumerate(papers, start=1)
    )
    return request
