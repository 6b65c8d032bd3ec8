"""System checks: counseling data cannot be stored without a valid encryption key."""

from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from . import crypto


@register()
def encryption_key_check(app_configs, **kwargs):
    try:
        crypto.fernet()
    except ImproperlyConfigured as error:
        return [
            Error(
                str(error),
                hint="Set COUNSELING_ENCRYPTION_KEY to the output of "
                "`python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'`.",
                id="counseling.E001",
            )
        ]
    return []
