"""Private file storage: files that never get a public URL (the citizen's drafts and document store).

    file = models.FileField(storage=private_storage, upload_to="portal/store/%Y/%m/")

These files are never under MEDIA_URL (which `runserver` serves to anyone in DEBUG): a view that checks
ownership streams them with `core.uploads.serve_private`. A deployment may name its own backend as
STORAGES["private"] (e.g. S3 with private ACLs); otherwise they go to MOTCUA_PRIVATE_ROOT, by default a
`private` folder next to MEDIA_ROOT.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages


def private_root() -> Path:
    return Path(
        getattr(settings, "MOTCUA_PRIVATE_ROOT", None) or Path(settings.MEDIA_ROOT).parent / "private"
    )


class PrivateFileStorage(FileSystemStorage):
    """Files on disk without a public URL; the folder is read from settings at each use (tests move it)."""

    @property
    def base_location(self) -> Path:
        return private_root()

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no public URL; stream them through an ownership-checking view.")


def private_storage() -> Storage:
    if "private" in settings.STORAGES:
        return storages["private"]
    return PrivateFileStorage()
