"""Secrets for links sent by email. Only the hash is stored, so a copy of the
database cannot be used to sign in or accept an invitation."""

import hashlib
import secrets


def token_new() -> tuple[str, str]:
    """(the token for the link, the hash to store)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
