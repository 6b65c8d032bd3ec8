import pytest
from django.core.cache import cache

from analytics import counting
from pages.models import SectionKind
from tests.factories import ArticlePageFactory

# What a reader's browser sends; the test client sends no agent, which counts as a robot.
BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


@pytest.fixture(autouse=True)
def _fresh_counts():
    """Each test starts with no cached responses and no counts, and leaves none behind."""
    cache.clear()
    counting.discard()
    yield
    counting.discard()
    cache.clear()


@pytest.fixture
def article(portal):
    return ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO), title="한부모 가족 지원", slug="single"
    )


@pytest.fixture
def reader(client):
    """A reader's browser: the Django client with a browser's user agent."""
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client
