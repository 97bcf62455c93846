"""Demo data of online submission from data/portal.json: online forms for five procedures of the demo
catalog, a paper the first demo citizen uploaded to their document store (through the store's own upload,
content checked), and results already attached copied into their owners' stores. Running it again changes
nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from motcua.catalog.models import Procedure
from motcua.dossiers.models import Dossier
from motcua.org.models import User
from motcua.portal import store
from motcua.portal.models import OnlineForm, StoredDocument, StoredKind

from . import records

FORM_FIELDS = ("title", "legal_basis", "note", "in_person_note", "declares", "fields")


def load() -> dict[str, int]:
    """Create the demo online forms and store papers; running it again changes nothing."""
    data = records.read("portal.json")
    with transaction.atomic():
        for row in data["online_forms"]:
            procedure = Procedure.objects.filter(national_code=row["procedure"]).first()
            if procedure is None:
                continue
            records.upsert(
                OnlineForm,
                lookup={"procedure": procedure, "valid_from": row["valid_from"]},
                values={name: row.get(name, "") for name in FORM_FIELDS},
                action="online_form",
            )
        for row in data["store"]:
            _upload(row)
    for dossier in Dossier.objects.filter(applicant_user__account_type="citizen").exclude(result_file=""):
        with transaction.atomic():
            store.collect_result(dossier=dossier)
    return {"online_forms": OnlineForm.objects.count(), "stored_documents": StoredDocument.objects.count()}


def _upload(row: dict[str, str]) -> None:
    """The citizen's own upload, once: a citizen who uploaded anything already is left as they are."""
    owner = User.objects.filter(username=row["owner"]).first()
    if owner is None or StoredDocument.objects.filter(owner=owner, kind=StoredKind.UPLOADED).exists():
        return
    upload = SimpleUploadedFile(row["file"], records.file_bytes(row["file"]))
    store.upload_to_store(actor=owner, title=row["title"], upload=upload)
