"""The edition's API JSON hands out its printed book."""

from django.test import TestCase, override_settings

from report_print.builder import build_public_pdf

from .content import build_edition


class EditionApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.edition, _ = build_edition(chapters=1, year=2022)

    def detail(self) -> dict:
        response = self.client.get(f"/api/v2/pages/{self.edition.pk}/")
        assert response.status_code == 200
        return response.json()

    def test_no_pdf_before_the_first_build(self):
        assert self.detail()["print_pdf"] is None

    def test_pdf_url_size_pages_and_build_time(self):
        record = build_public_pdf(self.edition.pk).record
        pdf = self.detail()["print_pdf"]
        assert pdf["url"].startswith("http") and pdf["url"].endswith(".pdf")
        assert pdf["url"].endswith(record.file.url)
        assert pdf["size"] == record.size > 10_000
        assert pdf["page_count"] == record.page_count >= 5
        assert pdf["built_at"] == record.built_at.isoformat()


@override_settings(API_SYNC_SETTLE_SECONDS=0)
class EditionSyncTests(TestCase):
    def test_a_new_pdf_sends_the_edition_again_through_sync(self):
        edition, _ = build_edition(chapters=1, year=2026)
        cursor = self.client.get("/api/v2/sync/", {"limit": 100}).json()["next_cursor"]

        build_public_pdf(edition.pk)

        changed = self.client.get("/api/v2/sync/", {"since": cursor}).json()["items"]
        assert [item["id"] for item in changed] == [edition.pk]
        assert changed[0]["print_pdf"]["page_count"] >= 5
