"""The API's part in a content change: renditions made ahead of GETs.

The content version itself (ETags, caches, sync) is the change record `content.events`
writes; the API only prepares the renditions its responses read.
"""

from wagtail.images import get_image_model
from wagtail.models import Page

from content.events import ChangeKind, ContentEvent, subscribe

from .renditions import ensure_renditions, images_used_by


def prepare_renditions(event: ContentEvent) -> None:
    if event.kind == ChangeKind.PUBLISHED and event.page_id is not None:
        page = Page.objects.filter(pk=event.page_id).first()
        if page is not None:
            ensure_renditions(images_used_by(page.specific))
    elif event.subject_type == get_image_model()._meta.label_lower:
        image = get_image_model().objects.filter(pk=event.subject_id).first()
        if image is not None and image.file:
            ensure_renditions([image])


def connect() -> None:
    subscribe(prepare_renditions, uid="api-renditions")
