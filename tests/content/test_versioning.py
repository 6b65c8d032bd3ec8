"""The content version, read with plain SQL, is the ORM's newest change exactly."""

import pytest

from content.models import ContentChange
from content.versioning import PerVersion, current_version
from pages.models import SectionKind
from tests.factories import ArticlePageFactory


@pytest.mark.django_db
def test_the_version_is_the_newest_change_as_the_orm_reads_it(portal):
    page = ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO), title="양육비")
    page.save_revision().publish()

    newest = ContentChange.objects.latest("id")
    version = current_version()

    assert (version.change_id, version.changed_at) == (newest.pk, newest.created_at)
    assert version.changed_at.tzinfo is not None


@pytest.mark.django_db
def test_no_change_yet_is_version_zero():
    ContentChange.objects.all().delete()

    assert current_version().change_id == 0
    assert current_version().changed_at is None


def test_a_per_version_value_is_built_once_per_version():
    built = []
    value = PerVersion(lambda n: built.append(n) or len(built))

    assert value.get("v1", "a") == 1
    assert value.get("v1", "b") == 1
    assert value.get("v2", "c") == 2
    assert built == ["a", "c"]
