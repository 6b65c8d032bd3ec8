"""The edition's API JSON hands out its printed book."""

from django.test import TestCase

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
        record = build_public_pdf(self.edition.pk)
        pdf = self.detail()["print_pdf"]
        assert pdf["url"].startswith("http") and pdf["url"].endswith(".pdf")
        assert pdf["url"].endswith(record.file.url)
        assert pdf["size"] == record.size > 10_000
        assert pdf["page_count"] == record.page_count >= 5
        assert pdf["built_at"] == record.built_at.isoformat()
