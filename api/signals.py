"""The API's part in a content change: stale responses, stored representations, renditions.

On every committed change: the dependency keys it affects are bumped (only responses built
from them turn stale), stored representations of pages that left the public are dropped at
once, the changed pages' representations are rebuilt by the task worker (in batches), and
renditions its responses read are made ahead of GETs.
"""

import logging

from wagtail.images import get_image_model
from wagtail.models import Page

from content import dependencies
from content.events import ChangeKind, ContentEvent, subscribe

from .renditions import ensure_renditions, images_used_by
from .representations import forget
from .tasks import enqueue_build

logger = logging.getLogger(__name__)

# Changes after which a page may no longer be public: its stored JSON must go now.
LEAVING_KINDS = {ChangeKind.UNPUBLISHED, ChangeKind.DELETED, ChangeKind.RESTRICTED}


def invalidate(event: ContentEvent) -> None:
    if event.kind in LEAVING_KINDS:
        forget(event.affected_page_ids)
    dependencies.bump(dependencies.keys_for_event(event))


def rebuild_representations(event: ContentEvent) -> None:
    """The published page at once, then every page showing it in the worker's batches (only
    pages public when the task runs are built: an unpublished page is skipped). A save without
    publishing (the shell, an import, a publish's own save before it announces itself) only
    makes the stored JSON stale: the next read, or the publish that follows, builds it.

    The published page is built here, after the commit and before the editor's answer (one
    page, a few milliseconds): the first reader after a publish, often the editor's own app,
    finds its JSON stored. If that fails, the task builds it with the rest."""
    if event.kind == ChangeKind.SAVED:
        return
    page_ids = list(dict.fromkeys([*filter(None, [event.page_id]), *event.affected_page_ids]))
    if event.kind == ChangeKind.PUBLISHED and event.page_id is not None:
        from .views import build_detail_representations  # views import this module's app

        try:
            build_detail_representations([event.page_id])
        except Exception:
            logger.exception("게시한 페이지 %s의 API 표현을 바로 만들지 못했습니다.", event.page_id)
        else:
            page_ids.remove(event.page_id)
    if page_ids:
        enqueue_build(page_ids)


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
    subscribe(invalidate, uid="api-invalidate")
    # Renditions before the representation: it shows their URLs.
    subscribe(prepare_renditions, uid="api-renditions")
    subscribe(rebuild_representations, uid="api-representations")
