"""Dependency keys: what a change makes stale, and versions where missing means stale."""

from django.core.cache import cache
from wagtail_factories import ImageFactory

from content import dependencies
from content.dependencies import (
    LISTINGS,
    PAGES,
    SITE,
    bump,
    children_key,
    current_tokens,
    keys_for_event,
    page_key,
    still_current,
    type_key,
)
from content.events import ChangeKind, ContentEvent, announce
from pages.models import SectionKind
from tests.factories import ArticlePageFactory, TopicFactory


def test_a_publish_names_the_page_its_type_and_its_parents_children(portal):
    section = portal.section(SectionKind.FAMILY_INFO)
    page = ArticlePageFactory(parent=section)

    keys = keys_for_event(
        ContentEvent(
            kind=ChangeKind.PUBLISHED,
            change_id=1,
            page_id=page.pk,
            page_type="pages.articlepage",
            affected_page_ids=(page.pk,),
        )
    )

    assert {page_key(page.pk), PAGES, type_key("pages.articlepage"), children_key(section.pk)} <= (
        set(keys)
    )
    assert LISTINGS not in keys, "a publish moves no page in or out of other listings"
    assert SITE not in keys


def test_an_image_edit_names_the_pages_showing_it_but_no_listing(portal):
    image = ImageFactory()
    event = announce(ChangeKind.RELATED, subject=image, affected_page_ids=[42])

    keys = keys_for_event(event)

    assert {page_key(42), PAGES, dependencies.IMAGES} <= set(keys)
    assert LISTINGS not in keys


def test_a_renamed_topic_changes_what_filtered_listings_hold(portal):
    event = announce(ChangeKind.RELATED, subject=TopicFactory())

    assert LISTINGS in keys_for_event(event)


def test_an_unknown_kind_of_change_makes_everything_stale():
    assert SITE in keys_for_event(ContentEvent(kind="something-new", change_id=1))


def test_a_bumped_or_evicted_version_is_stale():
    cache.clear()
    recorded = current_tokens(["page-1", "page-2"])
    assert still_current(recorded)

    bump(["page-1"])
    assert not still_current(recorded)
    assert still_current({"page-2": recorded["page-2"]})

    cache.delete(dependencies.TOKEN_PREFIX + "page-2")
    assert not still_current({"page-2": recorded["page-2"]})
