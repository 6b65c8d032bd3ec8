"""Kept for counseling's first migration, which names `counseling.crypto.EncryptedTextField`.

Encryption of personal data lives in infra/crypto.py (program applications use it too).
"""

from infra.crypto import *  # noqa: F403
from infra.crypto import EncryptedTextField, access_code_matches, hash_access_code  # noqa: F401
