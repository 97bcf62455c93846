"""Attachments are served only to officers who may see the item, through core's authorised download."""

from django.db.models.fields.files import FieldFile
from django.http import Http404

from motcua.core.uploads import register_download
from motcua.org.models import User

from . import selectors
from .models import Attachment


@register_download("feedback-attachment", inline=True)
def attachment(actor: User, pk: int) -> FieldFile:
    found = Attachment.objects.filter(pk=pk, feedback__in=selectors.feedback_for(actor)).first()
    if found is None:
        found = Attachment.objects.filter(pk=pk, feedback__in=selectors.sent_by(actor)).first()
    if found is None:
        raise Http404
    return found.file
