"""`manage.py add_webhook URL --events … --secret …`."""

import pytest
from django.core.management import CommandError, call_command

from webhooks.models import Subscription
from webhooks.signing import generate_secret

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def partner_app_allowed(settings):
    """app.example resolves nowhere here: named, it needs no lookup to be saved."""
    settings.OUTBOUND_ALLOWED_HOSTS = ["app.example"]


def test_adds_then_updates_a_subscription(capsys):
    secret = generate_secret()
    call_command(
        "add_webhook", "https://app.example/hooks", "--events", "page.published", "--secret", secret
    )
    call_command(
        "add_webhook", "https://app.example/hooks", "--events", "page.deleted,page.published"
    )

    subscription = Subscription.objects.get()
    assert subscription.events == ["page.deleted", "page.published"]
    assert subscription.secret == secret
    out = capsys.readouterr().out
    assert "추가했습니다" in out
    assert secret not in out  # an existing secret is never shown again


def test_generates_and_shows_a_secret_when_none_is_given(capsys):
    call_command("add_webhook", "https://app.example/hooks", "--events", "report.pdf_built")
    assert Subscription.objects.get().secret in capsys.readouterr().out


@pytest.mark.parametrize(
    "arguments",
    [
        ["--events", "page.exploded"],
        ["--events", "page.published", "--secret", "whsec_short"],
    ],
)
def test_refuses_unknown_events_and_weak_secrets(arguments):
    with pytest.raises(CommandError):
        call_command("add_webhook", "https://app.example/hooks", *arguments)
    assert not Subscription.objects.exists()


def test_refuses_loopback_targets_in_production(settings):
    settings.OUTBOUND_ALLOWED_HOSTS = []
    with pytest.raises(CommandError, match="루프백"):
        call_command("add_webhook", "http://127.0.0.1/hooks", "--events", "page.published")
