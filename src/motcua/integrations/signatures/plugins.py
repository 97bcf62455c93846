"""The signing plugins: `local` (the local CA's certificate of the signer) and `remote` (remote.py)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pyhanko.sign import signers

from motcua.core.plugins import Registry

from . import local_ca, pades
from .local_ca import Signatory


class SigningFailed(Exception):
    """The document was not signed (bad file, refused or unanswered confirmation); the message says why in
    Vietnamese and English, and nothing is stored."""


class Plugin(ABC):
    name = ""
    label: Any = ""  # a lazy translation

    @abstractmethod
    def sign(self, content: bytes, who: Signatory, *, reason: str, location: str) -> bytes:
        """The PDF `content` signed by `who`; SigningFailed when it cannot be."""


class LocalPlugin(Plugin):
    """Signs with the signer's certificate from the local CA (files under var/signing)."""

    name = "local"
    label = gettext_lazy("Chứng thư số nội bộ (CA cục bộ)")

    def sign(self, content: bytes, who: Signatory, *, reason: str, location: str) -> bytes:
        pair = local_ca.signer(who)
        ca = local_ca.authority()
        signer = signers.SimpleSigner.load(
            str(pair.key_path), str(pair.cert_path), ca_chain_files=(str(ca.cert_path),)
        )
        if signer is None:  # pyHanko returns None for unreadable key files
            raise SigningFailed(_("Không đọc được khóa ký. / The signing key could not be read."))
        try:
            return pades.sign_with(signer, content, name=who.name, reason=reason, location=location)
        except pades.NotSignable as error:
            raise SigningFailed(str(error)) from error


plugins: Registry[type[Plugin]] = Registry(
    "signing", base=Plugin, setting="MOTCUA_SIGNING_PLUGIN", default=LocalPlugin.name
)
register = plugins.register
register(LocalPlugin)


def current() -> Plugin:
    return plugins.active()()


def sign(content: bytes, who: Signatory, *, reason: str = "", location: str = "") -> bytes:
    """`content` signed through the plugin the settings choose."""
    return current().sign(content, who, reason=reason, location=location)
