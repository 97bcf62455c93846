"""Files on S3-compatible object storage (django-storages; MinIO, Ceph, a cloud's S3), chosen by settings when
S3_BUCKET is set (docs/operators.md). Imported only then: the local folders stay the default."""

from storages.backends.s3 import S3Storage


class PrivateS3Storage(S3Storage):
    """The private files (citizens' stores, drafts, attachments: core.storage) in the bucket: like the
    local private folder, they never get an address of their own and are streamed by the views that check
    who asks."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no public URL; stream them through an ownership-checking view.")
