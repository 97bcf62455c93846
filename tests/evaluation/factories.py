"""Dossiers owned by a citizen, moved through the real services: online submission, processing, result."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from motcua.dossiers import services
from motcua.dossiers.models import Dossier
from tests.dossiers.factories import Desk, submit_online
from tests.factories import valid_pdf

PDF = valid_pdf()
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64


def received(desk: Desk, citizen, *, at=None) -> Dossier:
    dossier = submit_online(desk, citizen, at=at)
    return services.receive(actor=desk.officer_a, dossier=dossier, expected_version=dossier.version, at=at)


def processing(desk: Desk, citizen, *, at=None) -> Dossier:
    """At the specialist's step (the clock runs)."""
    dossier = received(desk, citizen, at=at)
    return services.hand_over(actor=desk.officer_a, dossier=dossier, expected_version=dossier.version, at=at)


def with_result(desk: Desk, citizen, *, at=None, file: bytes | None = PDF) -> Dossier:
    dossier = processing(desk, citizen, at=at)
    dossier = services.hand_over(
        actor=desk.specialist_a, dossier=dossier, expected_version=dossier.version, at=at
    )
    return services.attach_result(
        actor=desk.leader_a,
        dossier=dossier,
        expected_version=dossier.version,
        number="12/QĐ-UBND",
        signed_on=timezone.localtime(at).date() if at else timezone.localdate(),
        file=SimpleUploadedFile("ket-qua.pdf", file) if file is not None else None,
        at=at,
    )


def returned(desk: Desk, citizen, *, at=None) -> Dossier:
    dossier = with_result(desk, citizen, at=at, file=None)
    return services.return_result(
        actor=desk.officer_a, dossier=dossier, expected_version=dossier.version, method="counter", at=at
    )
