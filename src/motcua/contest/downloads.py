"""Entry files are served to the entrant, the secretariat and, for entries in a round, the jurors."""

from django.db.models.fields.files import FieldFile
from django.http import Http404

from motcua.core.uploads import register_download
from motcua.org.models import User

from . import selectors
from .models import EntryFile


@register_download("contest-entry", inline=True)
def entry_file(actor: User, pk: int) -> FieldFile:
    found = EntryFile.objects.select_related("entry__contest").filter(pk=pk).first()
    if found is None:
        raise Http404
    entry = found.entry
    mine = selectors.own_entries(actor).filter(pk=entry.pk).exists()
    if not mine and not selectors.entries_for(actor, entry.contest).filter(pk=entry.pk).exists():
        raise Http404
    return found.file
