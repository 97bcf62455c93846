"""Stored files of the control work, served by core's one authorised download (/tep/<kind>/<pk>/): each
kind finds its file through the scoped selectors, so a file of a plan the actor cannot see is a 404."""

from django.db.models.fields.files import FieldFile

from motcua.core.uploads import register_download
from motcua.org.models import User

from . import selectors


@register_download("control-plan", inline=True)
def plan_attachment(actor: User, pk: int) -> FieldFile:
    return selectors.plan_for(actor, pk).attachment


@register_download("control-evidence")
def progress_evidence(actor: User, pk: int) -> tuple[FieldFile, str]:
    evidence = selectors.evidence_for(actor, pk)
    return evidence.file, evidence.name
