"""Reads for online submission. Forms and offers are public catalog data; drafts, stored documents and
submitted dossiers are the citizen's own: another citizen's id is a 404, never a 403 that confirms it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from motcua.accounts import selectors as accounts_selectors
from motcua.accounts.models import CitizenProfile
from motcua.catalog.models import OnlineLevel, Procedure, ProcedureVersion, RequiredDocument
from motcua.catalog.selectors import version_in_force
from motcua.core.validity import in_force
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossiers_for
from motcua.org.models import SERVICE_CENTRE_KINDS, AdministrativeUnit, Agency, User
from motcua.org.selectors import Actor

from .fields import DEFAULT_FIELDS, display
from .models import Draft, DraftFile, OnlineForm, StoredDocument, Submission

M = TypeVar("M", bound=Draft | DraftFile | StoredDocument)
ONLINE_LEVELS = (OnlineLevel.FULL, OnlineLevel.PARTIAL)
DEFAULT_MAX_FILES_PER_DOCUMENT = 5
DEFAULT_MAX_FILES_PER_DOSSIER = 20


def max_files_per_document() -> int:
    return getattr(settings, "MOTCUA_PORTAL_MAX_FILES_PER_DOCUMENT", DEFAULT_MAX_FILES_PER_DOCUMENT)


def max_files_per_dossier() -> int:
    return getattr(settings, "MOTCUA_PORTAL_MAX_FILES_PER_DOSSIER", DEFAULT_MAX_FILES_PER_DOSSIER)


# ------------------------------------------------------------------------------------------ offer


@dataclass
class Offer:
    """What a draft is answered against today: the version in force, its online form and fields."""

    version: ProcedureVersion
    online_form: OnlineForm | None
    fields: list[dict[str, Any]]

    @property
    def partial(self) -> bool:
        return self.version.online_level == OnlineLevel.PARTIAL


def offer_for(procedure: Procedure) -> Offer | None:
    """The offer of a procedure today, or None when it is not offered online."""
    version = online_version(procedure)
    if version is None:
        return None
    form = online_form(procedure)
    return Offer(version, form, form_fields(form))


def online_version(procedure: Procedure, day: date | None = None) -> ProcedureVersion | None:
    """The version in force when it is offered online (full or partial), else None."""
    version = version_in_force(procedure, day or timezone.localdate())
    if version is None or version.online_level not in ONLINE_LEVELS:
        return None
    return version


def online_form(procedure: Procedure, day: date | None = None) -> OnlineForm | None:
    return in_force(OnlineForm.objects.filter(procedure=procedure), day or timezone.localdate())


def form_fields(form: OnlineForm | None) -> list[dict[str, Any]]:
    return list(form.fields) if form is not None else list(DEFAULT_FIELDS)


def documents_of(version: ProcedureVersion) -> QuerySet[RequiredDocument]:
    return version.documents.order_by("position", "id")


def declared_document_ids(form: OnlineForm | None, documents: Iterable[RequiredDocument]) -> set[int]:
    """The required documents the online form stands for (its `declares` is their form's name): the
    applicant fills them in online and uploads nothing for them (issue 17)."""
    wanted = _form_key(form.declares) if form is not None else ""
    if not wanted:
        return set()
    return {d.pk for d in documents if _form_key(d.form_name) == wanted}


def _form_key(name: str) -> str:
    return " ".join((name or "").split()).casefold()


def communes() -> QuerySet[AdministrativeUnit]:
    return AdministrativeUnit.objects.filter(level__code="commune", valid_to__isnull=True).order_by("name")


def centres_for(procedure: Procedure, version: ProcedureVersion) -> QuerySet[Agency]:
    """Where the citizen may send it: any centre when received regardless of boundary, else the centres
    of the units whose agencies apply the procedure (the routing check has the last word on submit)."""
    centres = Agency.objects.filter(kind__in=SERVICE_CENTRE_KINDS, valid_to__isnull=True)
    if not version.any_boundary:
        units = Agency.objects.filter(procedures__procedure=procedure).values("administrative_unit")
        centres = centres.filter(administrative_unit__in=units)
    return centres.select_related("administrative_unit").order_by("administrative_unit__name", "name")


def check_route(procedure: Procedure, centre: Agency, commune: AdministrativeUnit | None) -> None:
    """ValidationError (bilingual) when the dossier routing would refuse this centre for this applicant."""
    from motcua.dossiers import reference
    from motcua.dossiers.models import SubmissionChannel

    reference.reception_plan(
        procedure.pk,
        centre.pk,
        getattr(commune, "pk", None),
        None,
        SubmissionChannel.ONLINE,
        timezone.localdate(),
    )


# ------------------------------------------------------------------------------------------ own things


def _not_found() -> Http404:
    return Http404(_("Không tìm thấy. / Not found."))


def _owned(rows: QuerySet[M], actor: Actor) -> QuerySet[M]:
    """The rows a citizen owns; nothing for anyone else."""
    if not isinstance(actor, User) or not actor.is_citizen:
        return rows.none()
    return rows.filter(owner=actor)


def _one(rows: QuerySet[M], pk: int) -> M:
    """One of `rows`, or 404 (never 403: another citizen's number tells nothing)."""
    found = rows.filter(pk=pk).first()
    if found is None:
        raise _not_found()
    return found


def drafts_for(actor: Actor) -> QuerySet[Draft]:
    return _owned(Draft.objects.select_related("procedure"), actor)


def draft_for(actor: Actor, pk: int) -> Draft:
    return _one(drafts_for(actor), pk)


def draft_files(draft: Draft) -> QuerySet[DraftFile]:
    return draft.files.select_related("stored", "required_document")


def draft_file_for(actor: Actor, draft_pk: int, pk: int) -> DraftFile:
    return _one(DraftFile.objects.filter(draft__pk=draft_pk, draft__in=drafts_for(actor)), pk)


def stored_for(actor: Actor) -> QuerySet[StoredDocument]:
    return _owned(StoredDocument.objects.select_related("source_dossier"), actor)


def stored_document_for(actor: Actor, pk: int) -> StoredDocument:
    return _one(stored_for(actor), pk)


def my_dossier(actor: Actor, pk: int) -> Dossier:
    try:
        return dossiers_for(actor).select_related("procedure", "receiving_agency").get(pk=pk)
    except Dossier.DoesNotExist:
        raise _not_found() from None


def applicant_profile(user: Actor) -> CitizenProfile | None:
    """The citizen's profile (accounts app) to prefill the applicant, or None while it does not exist."""
    return accounts_selectors.applicant_profile(user)


def declaration_rows(dossier: Dossier) -> list[tuple[str, str]]:
    """The online form's answers of a dossier already read through a dossier selector, with the labels the
    applicant saw (registered in dossiers.declarations for the officers' page)."""
    submission = Submission.objects.filter(dossier=dossier).first()
    if submission is None:
        return []
    return display(submission.form_fields, submission.answers)
