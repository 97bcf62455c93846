"""The decision files and the evidence of recommendations, served by core's one authorised download
(/tep/review-decision/<pk>/, /tep/review-evidence/<pk>/): found through the scoped selectors, so a file of
a plan or an inspection the actor cannot see is a 404."""

from django.db.models.fields.files import FieldFile
from django.http import Http404

from motcua.core.uploads import register_download
from motcua.org.models import User

from . import selectors
from .inspections import selectors as inspection_selectors
from .inspections.models import EvidenceFile


@register_download("review-decision", inline=True)
def decision_file(actor: User, pk: int) -> FieldFile:
    return selectors.decision_for(actor, pk).file


@register_download("review-evidence", inline=True)
def evidence_file(actor: User, pk: int) -> tuple[FieldFile, str]:
    """A recommendation's evidence file, to whoever may see the inspection (its plan's agencies, the
    inspected agency and its divisions); anyone else gets the 404 of a file that does not exist."""
    found = EvidenceFile.objects.filter(
        pk=pk, recommendation__inspection__in=inspection_selectors.inspections_for(actor).values("pk")
    ).first()
    if found is None:
        raise Http404
    return found.file, found.name
