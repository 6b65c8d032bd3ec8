"""Encryption at rest for citizens' personal data (counseling, program applications), and the
receipt/access codes they look their records up with.

Personal data is encrypted with Fernet (AES-128-CBC + HMAC-SHA256, from `cryptography`).
`COUNSELING_ENCRYPTION_KEY` holds one or more comma-separated Fernet keys: the first
encrypts, all of them decrypt, so a new key can be put in front and old rows re-encrypted
with `rotate_counseling_keys` before the old key is dropped.
"""

import functools
import secrets

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.crypto import constant_time_compare, salted_hmac

ACCESS_CODE_SALT = "pages.counseling.access-code"
PHONE_DIGEST_SALT = "infra.crypto.phone-digest"
# No 0/O, 1/I/L: codes are read aloud and typed on phones.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
ACCESS_CODE_LENGTH = 12


def random_code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def new_access_code() -> str:
    """`ABCD-EFGH-JKMN`: 12 random characters (about 59 bits), shown to the citizen once."""
    raw = random_code(ACCESS_CODE_LENGTH)
    return "-".join(raw[i : i + 4] for i in range(0, ACCESS_CODE_LENGTH, 4))


def phone_digest(normalized_phone: str) -> str:
    """A keyed hash of a phone number: finds "the same phone" without storing it in clear."""
    return salted_hmac(PHONE_DIGEST_SALT, normalized_phone, algorithm="sha256").hexdigest()


def configured_keys() -> list[str]:
    """The Fernet keys from settings, primary first."""
    raw = getattr(settings, "COUNSELING_ENCRYPTION_KEY", "") or ""
    if isinstance(raw, list | tuple):
        return [key.strip() for key in raw if key.strip()]
    return [key.strip() for key in raw.split(",") if key.strip()]


@functools.cache
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key) for key in keys])
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured(
            "COUNSELING_ENCRYPTION_KEY is not a valid Fernet key "
            "(32 url-safe base64-encoded bytes; make one with Fernet.generate_key())."
        ) from error


def fernet() -> MultiFernet:
    keys = tuple(configured_keys())
    if not keys:
        raise ImproperlyConfigured(
            "COUNSELING_ENCRYPTION_KEY is not set: counseling personal data cannot be stored."
        )
    return _fernet_for(keys)


def encrypt(plaintext: str) -> str:
    return fernet().encrypt(plaintext.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "A counseling record cannot be decrypted with COUNSELING_ENCRYPTION_KEY "
            "(was a key removed before rotate_counseling_keys ran?)."
        ) from error


def rotate(token: str) -> str:
    """Re-encrypt a token with the primary key."""
    return fernet().rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """Text kept as a Fernet token in the database and as plain text in Python.

    Empty values stay empty, so "no phone number given" needs no decryption.
    Encrypted columns cannot be searched or ordered by the database.
    """

    def from_db_value(self, value, expression, connection):
        if not value:
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return value
        return encrypt(value)


def hash_access_code(receipt_number: str, access_code: str, secret: str | None = None) -> str:
    """A keyed hash (HMAC-SHA256 with SECRET_KEY) of the access code; the code is never stored.

    The code has 60 random bits, so a keyed fast hash resists guessing as well as a
    slow password hash would, without handing attackers a CPU-exhaustion lever.
    """
    message = f"{receipt_number}:{normalize_access_code(access_code)}"
    return salted_hmac(ACCESS_CODE_SALT, message, secret=secret, algorithm="sha256").hexdigest()


def access_code_matches(receipt_number: str, access_code: str, stored_hash: str) -> bool:
    """Compare in constant time, also against SECRET_KEY_FALLBACKS after a key rotation."""
    secrets_to_try = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    matched = False
    for secret in secrets_to_try:
        candidate = hash_access_code(receipt_number, access_code, secret=secret)
        matched |= constant_time_compare(candidate, stored_hash)
    return matched


def normalize_access_code(access_code: str) -> str:
    """Codes are shown as XXXX-XXXX-XXXX; accept them in any case, with or without dashes."""
    return "".join(access_code.split()).replace("-", "").upper()
