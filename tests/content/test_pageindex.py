"""The page index follows content changes by re-reading only the pages they touched."""

import pytest
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from content.pageindex import get_page_index
from pages.models import SectionKind
from tests.factories import ArticlePageFactory


def index_now():
    return get_page_index(RequestFactory().get("/api/v2/pages/"))


@pytest.fixture
def articles(portal):
    section = portal.section(SectionKind.FAMILY_INFO)
    pages = [ArticlePageFactory(parent=section, title=f"가족 정보 {n}") for n in range(3)]
    for page in pages:
        page.save_revision().publish()
    return pages


@pytest.mark.django_db
def test_a_publish_updates_the_index_without_reading_every_page(
    articles, django_assert_max_num_queries
):
    index_now()
    first = articles[0]
    first.title = "한부모가족 양육비"
    first.save_revision().publish()

    # The version, the changes since, and the changed pages: not the whole site.
    with django_assert_max_num_queries(3):
        index = index_now()

    assert index.get(first.pk).title == "한부모가족 양육비"
    assert index.get(articles[1].pk).title == "가족 정보 1"


@pytest.mark.django_db
def test_unpublishing_and_restricting_take_pages_out_of_the_index(articles, portal):
    section = portal.section(SectionKind.FAMILY_INFO)
    index_now()

    articles[0].unpublish()
    PageViewRestriction.objects.create(page=articles[1], restriction_type="login")
    index = index_now()

    assert articles[0].pk not in index
    assert articles[1].pk not in index
    assert articles[2].pk in index
    assert [page.id for page in index.children_of(index.get(section.pk))] == [articles[2].pk]
    assert index.by_path.get(index.get(articles[2].pk).path).id == articles[2].pk


@pytest.mark.django_db
def test_a_moved_page_gets_its_new_path(articles):
    target = articles[1]
    old_path = index_now().get(articles[0].pk).path

    articles[0].move(target, pos="last-child")
    index = index_now()

    moved = index.get(articles[0].pk)
    assert moved.path != old_path
    assert moved.path.startswith(index.get(target.pk).path)
    assert old_path not in index.by_path
