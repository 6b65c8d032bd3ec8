"""Production refuses webhook targets on private or loopback addresses."""

import pytest
from django.core.exceptions import ValidationError

from webhooks.delivery import deliver
from webhooks.models import Attempt, Delivery, Subscription, WebhookEvent
from webhooks.targets import target_error


@pytest.fixture
def production_rules(settings):
    settings.OUTBOUND_ALLOWED_HOSTS = []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
    ],
)
def test_private_and_loopback_targets_are_refused(production_rules, url):
    assert "웹훅" in target_error(url)
    with pytest.raises(ValidationError):
        Subscription(url=url, events=[WebhookEvent.PAGE_PUBLISHED]).full_clean()


def test_public_addresses_and_http_schemes_only(production_rules):
    assert target_error("https://93.184.216.34/hook") is None
    assert target_error("ftp://93.184.216.34/hook") is not None


@pytest.mark.django_db
def test_delivery_to_a_loopback_target_is_not_sent(production_rules, receiver, settings):
    subscription = Subscription.objects.create(url=receiver.url, events=WebhookEvent.values)
    delivery = Delivery.objects.create(
        subscription=subscription, event_id="evt_1", event_type="page.published", payload={}
    )
    assert deliver(delivery.pk) == "failed"
    assert receiver.requests == []
    assert "루프백" in Attempt.objects.get().error
