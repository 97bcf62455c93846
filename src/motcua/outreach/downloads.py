"""An activity's evidence file, served by core's one authorised download (/tep/outreach-activity/<pk>/)
through the activity selector: another agency's file is a 404."""

from django.db.models.fields.files import FieldFile

from motcua.core.uploads import register_download
from motcua.org.models import User

from . import selectors


@register_download("outreach-activity", inline=True)
def activity_evidence(actor: User, pk: int) -> FieldFile:
    return selectors.activity_for(actor, pk).evidence


@register_download("outreach-distribution", inline=True)
def distribution_proof(actor: User, pk: int) -> FieldFile:
    return selectors.distribution_for(actor, pk).proof


@register_download("outreach-training", inline=True)
def course_materials(actor: User, pk: int) -> FieldFile:
    return selectors.course_for(actor, pk).materials
