"""The signing secret is shown once, when the subscription is created, and never in HTML again."""

import pytest
from django.urls import reverse

from webhooks.models import Subscription, WebhookEvent

pytestmark = pytest.mark.django_db


def test_the_secret_is_not_in_the_edit_form(admin_client, subscription):
    edit = admin_client.get(
        reverse("wagtailsnippets_webhooks_subscription:edit", args=[subscription.pk])
    )

    assert edit.status_code == 200
    assert subscription.url.encode() in edit.content
    assert subscription.secret.encode() not in edit.content


def test_the_secret_is_shown_once_at_creation(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_webhooks_subscription:add"),
        {"url": "http://127.0.0.1:9/hooks", "events": [WebhookEvent.PAGE_PUBLISHED]},
    )

    subscription = Subscription.objects.get()
    assert response.status_code == 200
    assert subscription.secret.startswith("whsec_")
    assert subscription.secret.encode() in response.content
    pages = [
        reverse("wagtailsnippets_webhooks_subscription:list"),
        reverse("wagtailsnippets_webhooks_subscription:edit", args=[subscription.pk]),
    ]
    for page in pages:
        assert subscription.secret.encode() not in admin_client.get(page).content


def test_saving_the_edit_form_keeps_the_secret(admin_client, subscription):
    secret = subscription.secret
    admin_client.post(
        reverse("wagtailsnippets_webhooks_subscription:edit", args=[subscription.pk]),
        {"url": subscription.url, "events": [WebhookEvent.PAGE_DELETED], "is_active": "on"},
    )

    subscription.refresh_from_db()
    assert subscription.events == [WebhookEvent.PAGE_DELETED]
    assert subscription.secret == secret
