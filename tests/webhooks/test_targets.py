"""Production refuses webhook targets on private or loopback addresses, in every spelling, and
sends to the address it checked."""

import socket

import pytest
from django.core.exceptions import ValidationError

from tests.infra.offline import refusing_connection
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
        "http://[64:ff9b::7f00:1]/hook",
        "http://[2002:7f00:1::]/hook",
        "http://[::127.0.0.1]/hook",
        "http://[::ffff:10.0.0.1]/hook",
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook",
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


@pytest.mark.django_db
def test_a_rebinding_name_cannot_turn_the_send_to_loopback(
    production_rules, receiver, monkeypatch, settings
):
    """The name answers a public address when the subscription is saved and checked, loopback
    afterwards: the delivery goes to the checked address (unreachable here), not the receiver."""
    port = int(receiver.url.split(":")[2].split("/")[0])
    real_getaddrinfo = socket.getaddrinfo
    lookups = []

    def rebinding_getaddrinfo(host, port, *args, **kwargs):
        if host != "rebind.example":
            return real_getaddrinfo(host, port, *args, **kwargs)
        lookups.append(host)
        address = "93.184.216.34" if len(lookups) % 2 else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding_getaddrinfo)
    subscription = Subscription(url=f"http://rebind.example:{port}/hooks", events=["page.deleted"])
    subscription.full_clean()  # the first answer: public
    subscription.save()
    lookups.clear()
    delivery = Delivery.objects.create(
        subscription=subscription, event_id="evt_1", event_type="page.deleted", payload={}
    )

    # No packet leaves the machine: the connection to the public address is refused here.
    connections = []
    monkeypatch.setattr(socket, "create_connection", refusing_connection(connections))

    assert deliver(delivery.pk) == "failed"

    assert lookups == ["rebind.example"]  # one lookup per send, and its answer is used
    assert connections == [("93.184.216.34", port)]
    assert receiver.requests == []
    assert not Attempt.objects.get().succeeded
