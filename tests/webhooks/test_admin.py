"""The admin lists subscriptions and deliveries (Korean) and replays a delivery."""

import pytest
from django.urls import reverse

from webhooks.models import Attempt, Delivery, DeliveryStatus, WebhookEvent

pytestmark = pytest.mark.django_db


def test_admin_lists_deliveries_with_a_replay_button(admin_client, subscription):
    Delivery.objects.create(
        subscription=subscription,
        event_id="evt_5",
        event_type=WebhookEvent.PAGE_DELETED,
        payload={},
    )
    response = admin_client.get(reverse("wagtailsnippets_webhooks_delivery:list"))
    assert response.status_code == 200
    assert "다시 보내기" in response.content.decode()
    assert (
        admin_client.get(reverse("wagtailsnippets_webhooks_subscription:list")).status_code == 200
    )
    add = admin_client.get(reverse("wagtailsnippets_webhooks_subscription:add"))
    assert "page.privacy_changed" in add.content.decode()


def test_replay_sends_the_same_event_again(admin_client, subscription, receiver):
    delivery = Delivery.objects.create(
        subscription=subscription,
        event_id="evt_6",
        event_type=WebhookEvent.PAGE_PUBLISHED,
        payload={"id": "evt_6", "type": "page.published", "data": {}},
        status=DeliveryStatus.FAILED,
    )
    url = reverse("webhooks_replay", args=[delivery.pk])
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(url)

    assert response.status_code == 302
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert receiver.ids() == ["evt_6"]
    assert Attempt.objects.get().response_status == 204


def test_replay_needs_permission(client, django_user_model, subscription):
    user = django_user_model.objects.create_user("editor", password="x")
    client.force_login(user)
    delivery = Delivery.objects.create(
        subscription=subscription, event_id="evt_7", event_type="page.deleted", payload={}
    )
    assert client.post(reverse("webhooks_replay", args=[delivery.pk])).status_code in (302, 403)
    assert not Attempt.objects.exists()
