"""What the applicant declared online (the procedure's own form), for the officers' dossier page.

The portal keeps the answers and sits above dossiers, which may not import it: the portal registers a
reader here in its ready(), and the dossier page asks every reader for (label, value) rows."""

from collections.abc import Callable

from .models import Dossier

Reader = Callable[[Dossier], list[tuple[str, str]]]
_readers: list[Reader] = []


def register(reader: Reader) -> Reader:
    if reader not in _readers:
        _readers.append(reader)
    return reader


def of(dossier: Dossier) -> list[tuple[str, str]]:
    return [row for reader in _readers for row in reader(dossier)]
