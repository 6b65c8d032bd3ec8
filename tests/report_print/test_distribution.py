"""Where the printed copies go: the 25 districts prefilled, totals that add up, a packing list."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.urls import reverse

from demo.taxonomy import DISTRICTS
from pages.models import District
from report_print.distribution import default_plan
from report_print.models import DistributionRecipient, RecipientKind

from .content import build_edition


class DistributionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for name, slug in DISTRICTS:
            District.objects.get_or_create(name=name, defaults={"slug": slug})
        cls.edition, _ = build_edition(chapters=1, year=2024)
        cls.admin = get_user_model().objects.create_superuser("chief", "c@example.com", "pw")
        cls.url = reverse("report_print:distribution", args=[cls.edition.pk])

    def setUp(self):
        self.client.force_login(self.admin)

    def test_default_plan_has_the_25_districts_and_adds_up_to_the_print_run(self):
        rows = default_plan(500)
        districts = [row for row in rows if row["kind"] == RecipientKind.DISTRICT]
        assert len(districts) == 25
        assert sum(row["copies"] for row in rows) == 500

    def test_opening_the_plan_prefills_it(self):
        response = self.client.get(self.url)
        assert response.status_code == 200
        assert self.edition.distribution.filter(kind=RecipientKind.DISTRICT).count() == 25
        assert "종로구청" in response.content.decode()

    def post(self, copies_of_first: int):
        self.client.get(self.url)
        recipients = list(self.edition.distribution.all())
        data = {
            "recipients-TOTAL_FORMS": str(len(recipients)),
            "recipients-INITIAL_FORMS": str(len(recipients)),
        }
        for index, recipient in enumerate(recipients):
            prefix = f"recipients-{index}"
            data |= {
                f"{prefix}-id": str(recipient.pk),
                f"{prefix}-kind": recipient.kind,
                f"{prefix}-name": recipient.name,
                f"{prefix}-district": str(recipient.district_id or ""),
                f"{prefix}-copies": str(copies_of_first if index == 0 else recipient.copies),
            }
        return self.client.post(self.url, data)

    def test_a_total_other_than_the_print_run_is_refused_in_korean(self):
        response = self.post(copies_of_first=1)
        assert response.status_code == 200
        assert "배포 부수 합계" in response.content.decode()
        assert "발간 부수(500부)와 다릅니다" in response.content.decode()

    def test_a_plan_that_adds_up_is_saved(self):
        self.client.get(self.url)
        keeper = self.edition.distribution.order_by("sort_order").first()
        response = self.post(copies_of_first=keeper.copies)
        assert response.status_code == 302

    def test_packing_list_lists_every_recipient_with_boxes(self):
        self.client.get(self.url)
        response = self.client.get(reverse("report_print:packing_list", args=[self.edition.pk]))
        page = response.content.decode()
        assert response.status_code == 200
        assert "포장 명세서" in page and "강동구청" in page
        assert (
            page.count("<tr>")
            == DistributionRecipient.objects.filter(edition=self.edition).count() + 2
        )

    def test_a_district_row_needs_its_district(self):
        recipient = DistributionRecipient(
            edition=self.edition, kind=RecipientKind.DISTRICT, name="어딘가", copies=1
        )
        with self.assertRaisesMessage(Exception, "자치구를 골라야 합니다"):
            recipient.full_clean()
