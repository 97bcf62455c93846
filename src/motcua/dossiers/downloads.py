"""A dossier's stored files, served by core's one authorised download (/tep/<kind>/<pk>/): each kind finds
its file through the dossier selectors, so a paper of a dossier the actor cannot see is a 404. PDFs and
images open in the browser (officers preview a paper before they accept, refuse or ask for more)."""

from pathlib import PurePath

from django.db.models.fields.files import FieldFile
from django.http import Http404

from motcua.core.uploads import register_download
from motcua.org.models import User

from . import certification, selectors
from .models import CertifiedCopy, Dossier, DossierDocument


@register_download("dossier-document", inline=True)
def dossier_document(actor: User, pk: int) -> tuple[FieldFile, str]:
    try:
        document = selectors.document_for(actor, pk)
    except DossierDocument.DoesNotExist:
        raise Http404 from None
    # The dossier's code keeps every saved copy traceable to its dossier; the paper's own name follows.
    return document.file, f"{document.dossier.code}-{PurePath(document.file.name or '').name}"


@register_download("dossier-result", inline=True)
def dossier_result(actor: User, pk: int) -> tuple[FieldFile, str]:
    try:
        dossier = selectors.dossier_detail(actor, pk)
    except Dossier.DoesNotExist:
        raise Http404 from None
    return dossier.result_file, f"ket-qua-{dossier.code}{PurePath(dossier.result_file.name or '').suffix}"


@register_download("certified-copy", inline=True)
def certified_copy(actor: User, pk: int) -> tuple[FieldFile, str]:
    """The certifying centre's staff only: the holder downloads the copy from their data store."""
    try:
        copy = certification.copy_for(actor, pk)
    except CertifiedCopy.DoesNotExist:
        raise Http404 from None
    return copy.file, f"ban-sao-chung-thuc-{copy.year}-{copy.number}.pdf"
