"""The admin's Korean reads naturally: pages awaiting review are not "후기" (testimonials), and
no banner glues a particle to a model name ("이 페이지은(는)", "페이지을(를)")."""

import re
from pathlib import Path

from babel.messages.pofile import read_po
from django.urls import reverse

from pages.models import SectionKind
from tests.factories import ArticlePageFactory
from tests.pages.test_editorial import PortalTestCase

CATALOG = Path(__file__).resolve().parents[2] / "locale" / "ko" / "LC_MESSAGES" / "django.po"
# A model name ("페이지", "자치구", "상담 신청") may end in a vowel or a consonant, so a
# particle right after it is wrong for some of them; "의", "에" and "항목이" fit every one.
PARTICLE_AFTER_MODEL_NAME = re.compile(
    r"(%\(model_name\)s|\{model_name\})(은|는|을|를|이|가|\(으\))"
)


class ReviewWordingTests(PortalTestCase):
    def setUp(self):
        self.article = ArticlePageFactory(
            parent=self.section(SectionKind.FAMILY_INFO), title="한부모가족 지원", intro="요약"
        )
        self.post_edit(self.editor, self.article, "action-submit", title="한부모가족 지원 (개정)")

    def test_dashboard_lists_pages_awaiting_review_not_testimonials(self):
        self.client.force_login(self.reviewer)
        html = self.client.get(reverse("wagtailadmin_home")).content.decode()

        self.assertIn("검토를 기다리는 페이지", html)
        self.assertNotIn("후기", html)

    def test_review_banner_uses_a_particle_that_fits_page(self):
        expected = {
            self.editor: "이 페이지에 대한 검토를 기다리고 있습니다.",
            self.reviewer: "이 페이지의 편집은 검토자가 할 수 있습니다.",
        }
        for user, banner in expected.items():
            self.client.force_login(user)
            html = self.client.get(
                reverse("wagtailadmin_pages:edit", args=(self.article.pk,))
            ).content.decode()

            self.assertIn(banner, html)
            for wrong in ("페이지은", "페이지을", "페이지이(가)", "(는)", "(를)"):
                self.assertNotIn(wrong, html, f"{user.username}: {wrong!r}")


def test_catalog_never_glues_a_particle_to_a_model_name():
    with CATALOG.open("rb") as source:
        catalog = read_po(source)
    glued = [
        message.string
        for message in catalog
        if message.id
        for string in ([message.string] if isinstance(message.string, str) else message.string)
        if PARTICLE_AFTER_MODEL_NAME.search(string or "")
    ]
    assert glued == []
