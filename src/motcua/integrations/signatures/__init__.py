"""Digital signatures on the results a dossier issues (PAdES, through pyHanko), as plugins.

    MOTCUA_SIGNING_PLUGIN = "local"          # the default: the local CA under var/signing (local_ca.py)
    MOTCUA_SIGNING_PLUGIN = "remote"         # a remote-signing service: the leader confirms on a phone
    MOTCUA_SIGNING_TRUST_ROOTS = ["/etc/motcua/ca-bcy.pem"]   # more CAs whose signatures verify as trusted

`sign(content, signatory, reason=…)` returns the signed PDF; `verify(content)` says whether a PDF carries a
signature that is intact, trusted and covers the whole file, and names who signed and when. No private key
is ever in the database: the local plugin keeps its keys in files, a remote service keeps them itself.
"""

from __future__ import annotations

from . import remote  # noqa: F401  (registers the remote plugin)
from .local_ca import Signatory
from .plugins import Plugin, SigningFailed, current, plugins, register, sign
from .verification import SignatureCheck, Verdict, verify

__all__ = [
    "Plugin",
    "Signatory",
    "SignatureCheck",
    "SigningFailed",
    "Verdict",
    "current",
    "plugins",
    "register",
    "sign",
    "verify",
]
