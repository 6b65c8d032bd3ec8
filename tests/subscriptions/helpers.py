import re

from django.core import mail
from django.test import TestCase

from pages.models import SectionKind
from subscriptions.services import subscribe_email
from tests.factories import ArticlePageFactory


def link_in(message, kind: str) -> str:
    """The path of the /subscriptions/<kind>/… link in an e-mail's text."""
    match = re.search(rf"https?://[^/\s]+(/subscriptions/{kind}/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def confirmed_email(client, email: str, filters: dict, frequency: str = "immediate") -> None:
    """Subscribe and open the confirmation link, as a person would."""
    before = len(mail.outbox)
    with TestCase.captureOnCommitCallbacks(execute=True):
        subscribe_email(email, filters, frequency)
    (confirmation,) = mail.outbox[before:]
    assert client.get(link_in(confirmation, "confirm")).status_code == 200


def draft_article(portal, **kwargs):
    return ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO), live=False, **kwargs)
