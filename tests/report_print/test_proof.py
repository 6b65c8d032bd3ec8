"""Proofs (교정쇄) of drafts: for the report TF and approvers only, marked on every page."""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse

from pages.editorial import BLOGGERS, REPORT_TF, setup_portal
from tests.factories.users import UserFactory

from .content import DRAFT_SECRET, UNPUBLISHED_TITLE, build_edition
from .pdf import page_texts, squeeze


class ProofTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        setup_portal()
        cls.edition, _ = build_edition(chapters=2, year=2023)
        cls.url = reverse("report_print:proof", args=[cls.edition.pk])
        cls.tf_member = UserFactory(username="tf")
        cls.tf_member.groups.add(Group.objects.get(name=REPORT_TF))
        cls.blogger = UserFactory(username="blogger1")
        cls.blogger.groups.add(Group.objects.get(name=BLOGGERS))

    def test_the_tf_gets_the_drafts_marked_on_every_page(self):
        self.client.force_login(self.tf_member)
        response = self.client.get(self.url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
        texts = page_texts(response.content)
        assert all("검토용" in text for text in texts), [
            n for n, t in enumerate(texts) if "검토용" not in t
        ]
        everything = squeeze("".join(texts))
        assert DRAFT_SECRET in everything
        assert squeeze(UNPUBLISHED_TITLE) in everything

    def test_others_get_no_proof(self):
        self.client.force_login(self.blogger)
        refused = self.client.get(self.url)
        # Wagtail's admin answers a refusal with a redirect to the dashboard and a message.
        assert (refused.status_code, refused["Location"]) == (302, "/admin/")
        self.client.logout()
        anonymous = self.client.get(self.url)
        assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
