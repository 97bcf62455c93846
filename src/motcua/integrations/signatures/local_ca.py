"""The local certificate authority of the `local` signing plugin: a CA and one certificate per signer, as
files under var/signing/ (MOTCUA_SIGNING_DIR), created at install (`motcua signing_init`) or on first use.

Private keys live only in those files (mode 0600), never in the database. A signer's certificate names the
signer as the account names them; when the name changes a new certificate is issued on the next signature,
so that a result always shows the name the leader had when signing. This CA is for development, the demo and
provinces that sign inside their own network; a province with a licensed CA (Ban Cơ yếu Chính phủ, or a
public CA) signs through a remote-signing plugin instead (remote.py).
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings

CA_NAME = "MộtCửa — CA nội bộ (thử nghiệm) / local test CA"
CA_YEARS = 20
SIGNER_YEARS = 3
_lock = threading.Lock()


@dataclass(frozen=True)
class Signatory:
    """Who signs: the account (its id names the certificate files), its name and its agency."""

    account_id: int
    name: str
    organisation: str = ""


@dataclass(frozen=True)
class KeyPair:
    key_path: Path
    cert_path: Path


def directory() -> Path:
    configured = getattr(settings, "MOTCUA_SIGNING_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "signing"


def authority() -> KeyPair:
    """The CA's key and certificate, created once."""
    with _lock:
        return _authority()


def signer(who: Signatory) -> KeyPair:
    """The signer's key and certificate issued by the CA; issued again when the name or agency changed or
    the certificate is about to expire."""
    with _lock:
        ca = _authority()
        pair = _pair(directory() / "signers", f"account-{who.account_id}")
        if not _current(pair, who):
            _issue(pair, who, ca)
        return pair


def ca_certificate() -> x509.Certificate:
    return x509.load_pem_x509_certificate(authority().cert_path.read_bytes())


# ------------------------------------------------------------------------------------------------ internals


def _pair(folder: Path, stem: str) -> KeyPair:
    return KeyPair(folder / f"{stem}.key.pem", folder / f"{stem}.cert.pem")


def _authority() -> KeyPair:
    pair = _pair(directory(), "ca")
    if pair.key_path.exists() and pair.cert_path.exists():
        return pair
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, CA_NAME), _country()])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usage(ca=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    _write(pair, key, cert)
    return pair


def _current(pair: KeyPair, who: Signatory) -> bool:
    if not (pair.key_path.exists() and pair.cert_path.exists()):
        return False
    cert = x509.load_pem_x509_certificate(pair.cert_path.read_bytes())
    fresh = cert.not_valid_after_utc > datetime.now(UTC) + timedelta(days=30)
    return fresh and cert.subject == _subject(who)


def _issue(pair: KeyPair, who: Signatory, ca: KeyPair) -> None:
    ca_key = serialization.load_pem_private_key(ca.key_path.read_bytes(), password=None)
    ca_cert = x509.load_pem_x509_certificate(ca.cert_path.read_bytes())
    assert isinstance(ca_key, ec.EllipticCurvePrivateKey)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_subject(who))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365 * SIGNER_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(ca=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    _write(pair, key, cert)


def _subject(who: Signatory) -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, who.name[:64] or f"#{who.account_id}")]
    if who.organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, who.organisation[:64]))
    attributes.append(x509.NameAttribute(NameOID.USER_ID, f"motcua-{who.account_id}"))
    attributes.append(_country())
    return x509.Name(attributes)


def _country() -> x509.NameAttribute:
    return x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")


def _usage(*, ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not ca,
        content_commitment=not ca,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=ca,
        crl_sign=ca,
        encipher_only=False,
        decipher_only=False,
    )


def _write(pair: KeyPair, key: ec.EllipticCurvePrivateKey, cert: x509.Certificate) -> None:
    pair.key_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    # The key file is created readable by its owner only, before any byte is written.
    descriptor = os.open(pair.key_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(pem)
    pair.cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
