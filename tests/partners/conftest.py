import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from pages.models import SectionKind
from partners.models import Partner, PartnerAPIKey, PartnerFeed
from tests.factories import AgencyFactory

from .feedserver import start_feed_server


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def partner(db) -> Partner:
    return Partner.objects.create(
        organisation="서울시립 청소년미디어센터",
        contact_name="김담당",
        contact_email="partner@youthnavi.example",
    )


def issue_key(partner: Partner, **fields) -> tuple[PartnerAPIKey, str]:
    return PartnerAPIKey.objects.create_key(partner=partner, name="운영 서버", **fields)


@pytest.fixture
def api_key(partner) -> tuple[PartnerAPIKey, str]:
    return issue_key(partner)


@pytest.fixture
def expired_key(partner) -> tuple[PartnerAPIKey, str]:
    return issue_key(partner, expiry_date=timezone.now() - datetime.timedelta(minutes=1))


@pytest.fixture
def feed_server():
    server, httpd, thread = start_feed_server()
    yield server
    server.stopping.set()
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture
def agency(db):
    return AgencyFactory(name="서울시립 청소년미디어센터", url="https://youthnavi.example/")


@pytest.fixture
def make_feed(agency):
    def make(url: str, section: str = SectionKind.FAMILY_INFO, **fields) -> PartnerFeed:
        return PartnerFeed.objects.create(
            title="유스내비 소식", url=url, agency=agency, section=section, **fields
        )

    return make
