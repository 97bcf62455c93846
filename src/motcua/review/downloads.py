"""The decision files, served by core's one authorised download (/tep/review-decision/<pk>/): found through
the scoped selector, so a decision of a plan the actor cannot see is a 404."""

from django.db.models.fields.files import FieldFile

from motcua.core.uploads import register_download
from motcua.org.models import User

from . import selectors


@register_download("review-decision", inline=True)
def decision_file(actor: User, pk: int) -> FieldFile:
    return selectors.decision_for(actor, pk).file
