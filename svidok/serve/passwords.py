"""Password hashing with argon2id (argon2-cffi's defaults follow RFC 9106's recommendations)."""
from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()

# Checked against when the user does not exist, so a wrong name costs as long as a wrong password.
_DECOY_HASH = _hasher.hash("no such user")

MIN_PASSWORD_LENGTH = 10


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"password too short ({len(password)} characters; at least {MIN_PASSWORD_LENGTH})")
    return _hasher.hash(password)


def password_matches(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DECOY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False
