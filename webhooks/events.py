"""From the core's content change to webhook events: which changes partners hear about, and
what they are told (ids, type, path, version — never a page's content, let alone a draft's).

| ChangeKind    | webhook event          |
|---------------|------------------------|
| PUBLISHED     | page.published         |
| MOVED         | page.published (the live page has a new path; partners re-read it) |
| UNPUBLISHED   | page.unpublished       |
| DELETED       | page.deleted           |
| RESTRICTED, UNRESTRICTED | page.privacy_changed (`data.public`: which way; one per page) |
| PDF_BUILT     | report.pdf_built       |

A privacy change is sent for the restricted page and each live descendant it turned.
RELATED and MEDIA changes (a renamed topic, a restricted collection) concern no one page and
send nothing. A page published or moved inside a private area sends nothing either: partners
only hear about what the public may see.
"""

from django.db import transaction
from django.utils import timezone

from content.events import ContentEvent
from content.models import ChangeKind
from content.paths import frontend_url

from .delivery import enqueue
from .models import Delivery, Subscription, WebhookEvent

EVENT_TYPES: dict[str, str] = {
    ChangeKind.PUBLISHED: WebhookEvent.PAGE_PUBLISHED,
    ChangeKind.MOVED: WebhookEvent.PAGE_PUBLISHED,
    ChangeKind.UNPUBLISHED: WebhookEvent.PAGE_UNPUBLISHED,
    ChangeKind.DELETED: WebhookEvent.PAGE_DELETED,
    ChangeKind.RESTRICTED: WebhookEvent.PAGE_PRIVACY_CHANGED,
    ChangeKind.UNRESTRICTED: WebhookEvent.PAGE_PRIVACY_CHANGED,
    ChangeKind.PDF_BUILT: WebhookEvent.REPORT_PDF_BUILT,
}
# Events about a page the public sees now: nothing is sent if it is not public.
PUBLIC_ONLY = {WebhookEvent.PAGE_PUBLISHED, WebhookEvent.REPORT_PDF_BUILT}


def event_id(event: ContentEvent) -> str:
    """One id per content change: the `webhook-id` of every attempt of every delivery of it."""
    return f"evt_{event.change_id}"


def payload(event: ContentEvent, event_type: str) -> dict:
    data = {
        "page_id": event.page_id,
        "page_type": event.page_type,
        "path": event.path,
        "url": frontend_url(event.path) if event.path else "",
        "locale": event.locale,
        "content_version": event.version,
    }
    if event_type == WebhookEvent.PAGE_PRIVACY_CHANGED:
        data["public"] = event.kind == ChangeKind.UNRESTRICTED
    return {
        "id": event_id(event),
        "type": event_type,
        "timestamp": timezone.now().isoformat(),
        "data": data,
    }


def on_content_change(event: ContentEvent) -> None:
    """Record one delivery per subscription that wants this event, then queue them."""
    event_type = EVENT_TYPES.get(event.kind)
    if event_type is None or event.page_id is None:
        return
    if event_type in PUBLIC_ONLY and not event.path:
        return
    subscriptions = [
        subscription
        for subscription in Subscription.objects.filter(is_active=True)
        if subscription.wants(event_type)
    ]
    if not subscriptions:
        return
    body = payload(event, event_type)
    with transaction.atomic():
        deliveries = [
            Delivery.objects.get_or_create(
                subscription=subscription,
                event_id=body["id"],
                defaults={"event_type": event_type, "payload": body},
            )[0]
            for subscription in subscriptions
        ]

        def enqueue_all() -> None:
            for delivery in deliveries:
                enqueue(delivery)

        transaction.on_commit(enqueue_all)
