"""A development RSA key pair for the simulator and the demo (never for Amazon's live API)."""

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from privacy.sources.amazon_pay import signing


@dataclass(frozen=True)
class DevKeyPair:
    public_key_id: str
    private_key_path: Path
    public_key_path: Path

    def public_key(self) -> rsa.RSAPublicKey:
        return signing.public_key_load(self.public_key_path.read_bytes())


def public_key_id_for(public_key: rsa.RSAPublicKey) -> str:
    """Name a public key like Amazon's sandbox key ids: `SANDBOX-` and 24 characters from its fingerprint."""
    der = public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return "SANDBOX-" + base64.b32encode(hashlib.sha256(der).digest()).decode()[:24]


def dev_key_pair_ensure(*, directory: Path) -> DevKeyPair:
    """Create `private.pem` (mode 600) and `public.pem` in `directory` once; reuse them afterwards."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    private_path, public_path = directory / "private.pem", directory / "public.pem"
    if not private_path.exists():
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        with os.fdopen(os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as handle:
            handle.write(pem)
    public_key = signing.private_key_load(private_path.read_bytes()).public_key()
    public_path.write_bytes(
        public_key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    return DevKeyPair(public_key_id_for(public_key), private_path, public_path)
