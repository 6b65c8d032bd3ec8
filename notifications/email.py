"""E-mail to citizens through Django's configured backend (console under `make run`, SMTP in
production, locmem in tests)."""

from django.conf import settings
from django.core.mail import EmailMessage


def send_email(to: str, subject: str, body: str) -> int:
    message = EmailMessage(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to]
    )
    return message.send()
