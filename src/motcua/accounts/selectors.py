"""Reads of account data: a citizen only ever reaches their own profile and their own pending codes."""

from __future__ import annotations

from datetime import date

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from motcua.core.access import is_citizen
from motcua.core.validity import valid_on
from motcua.org.models import AdministrativeUnit, User
from motcua.org.selectors import Actor

from .models import CitizenProfile, VerificationCode

PROVINCE_LEVEL = "province"


def applicant_profile(user: Actor | None) -> CitizenProfile | None:
    """The logged-in citizen's own profile, to prefill the applicant of a dossier; None for anyone else."""
    if not isinstance(user, User) or not is_citizen(user):
        return None
    return CitizenProfile.objects.select_related("user", "province", "commune").filter(user=user).first()


def provinces(*, on: date | None = None) -> QuerySet[AdministrativeUnit]:
    """Provinces and centrally-run cities in force (public reference data)."""
    day = on or timezone.localdate()
    return AdministrativeUnit.objects.filter(valid_on(day), level__code=PROVINCE_LEVEL).order_by("name")


def communes(province: AdministrativeUnit | None, *, on: date | None = None) -> QuerySet[AdministrativeUnit]:
    """Communes, wards and special zones in force directly under a province (the two-level model)."""
    if province is None:
        return AdministrativeUnit.objects.none()
    day = on or timezone.localdate()
    return AdministrativeUnit.objects.filter(valid_on(day), parent=province).order_by("name")


def pending_code(actor: Actor | None, pk: int | None, *, purpose: str) -> VerificationCode:
    """A code the session started; for a logged-in citizen only one of their own. 404 otherwise."""
    codes = VerificationCode.objects.select_related("user").filter(purpose=purpose)
    if isinstance(actor, User):
        codes = codes.filter(user=actor)
    code = codes.filter(pk=pk).first() if pk else None
    if code is None:
        raise Http404
    return code
