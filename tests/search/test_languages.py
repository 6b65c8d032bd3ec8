"""Search per language through the API: a query searches the language it names, analysed
as that language's pages are; a language with nothing found answers in Korean and says so;
drafts and private pages stay out in every language; synonyms belong to one language."""

import pytest
from django.test import TestCase
from rest_framework.test import APIClient
from wagtail.models import Page, PageViewRestriction

from pages.models import ArticlePage
from search.languages import fold, index_terms_many, query_units
from search.models import SearchSynonym
from tests.search.language_corpus import load_language_pages

SEARCH_URL = "/api/v2/search/"


def test_vietnamese_is_folded_so_marks_do_not_matter():
    assert fold("Hỗ trợ Đăng ký") == "ho tro dang ky"
    assert len(fold("Tiếng Việt")) == len("Tiếng Việt")
    page = index_terms_many(["Hỗ trợ gia đình đa văn hóa"], "vi")[0]
    for query in ("ho tro gia dinh", "hỗ trợ gia đình", "HO TRO"):
        assert {unit.text for unit in query_units(query, "vi")} <= set(page), query


def test_vietnamese_question_words_go_only_where_they_are_unambiguous():
    # đang ("being") is phrasing, đăng ký ("register") is not; đa văn hóa keeps its đa.
    assert [unit.text for unit in query_units("đang đăng ký", "vi")] == ["dang", "ky"]
    assert "da" in {unit.text for unit in query_units("gia đình đa văn hóa", "vi")}


def test_english_is_stemmed_and_case_folded():
    page = index_terms_many(["Counseling for Families and their Children"], "en")[0]
    assert {unit.text for unit in query_units("family counselling", "en")} <= set(page)
    assert query_units("Where can I find interpreters?", "en")[0].word == "interpreters"


def test_chinese_is_segmented_however_the_query_is_written():
    page = set(index_terms_many(["查找家庭中心及联系方式"], "zh-hans")[0])
    for query in ("家庭中心联系方式", "家庭 中心 联系 方式", "联系方式"):
        units = query_units(query, "zh-hans")
        assert all({unit.text} <= page or set(unit.parts) <= page for unit in units), query


def test_korean_is_unchanged():
    assert [unit.text for unit in query_units("한부모가족을 위한", "ko")] == ["한부모가족"]


class LanguageSearchAPITest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.pages = load_language_pages()

    def setUp(self):
        self.client = APIClient()

    def get(self, **params):
        return self.client.get(SEARCH_URL, params)

    def test_a_query_searches_the_language_it_names(self):
        answer = self.get(q="ho tro gia dinh da van hoa", locale="vi").json()
        self.assertEqual(answer["meta"], {"locale": "vi"})
        self.assertEqual(answer["items"][0]["id"], self.pages["vi"]["overview"].pk)
        self.assertTrue(all(item["path"].startswith("/vi/") for item in answer["items"]))
        # Marked where the page has it, diacritics and all.
        snippet = answer["items"][0]["snippet"].lower()
        self.assertIn("<mark>hỗ</mark> <mark>trợ</mark>", snippet)
        self.assertNotIn("<mark>hô</mark>n", snippet)  # a whole word, not the start of one

    def test_each_language_finds_its_own_translation(self):
        for language, query in (("zh-hans", "韩语课程"), ("en", "korean classes")):
            answer = self.get(q=query, locale=language).json()
            self.assertEqual(answer["meta"], {"locale": language})
            self.assertEqual(answer["items"][0]["id"], self.pages[language]["korean_class"].pk)

    def test_without_locale_korean_is_searched_and_labelled(self):
        answer = self.get(q="한국어 교육").json()
        self.assertEqual(answer["meta"], {"locale": "ko"})
        self.assertEqual(answer["items"][0]["id"], self.pages["ko"]["korean_class"].pk)

    def test_an_unknown_language_is_a_json_400(self):
        response = self.get(q="ho tro", locale="xx")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["error"]["code"], "invalid_locale")
        self.assertIn("알 수 없는 언어", response.json()["error"]["message"])

    def test_nothing_in_the_language_falls_back_to_korean_and_says_so(self):
        untranslated = self.pages["ko"]["untranslated"]
        answer = self.get(q="나눔 장터 자원봉사", locale="vi").json()
        self.assertEqual(answer["meta"], {"locale": "ko", "fallback_from": "vi"})
        self.assertEqual(answer["items"][0]["id"], untranslated.pk)
        self.assertFalse(answer["items"][0]["path"].startswith("/vi/"))

    def test_nothing_anywhere_stays_in_the_language_asked_for(self):
        answer = self.get(q="zzzqqq", locale="en").json()
        self.assertEqual(answer["meta"], {"locale": "en"})
        self.assertEqual(answer["items"], [])

    def test_korean_drafts_and_private_pages_never_show_in_a_fallback(self):
        untranslated = self.pages["ko"]["untranslated"]
        PageViewRestriction.objects.create(
            page=untranslated, restriction_type=PageViewRestriction.LOGIN
        )
        parent = untranslated.get_parent()
        draft = ArticlePage(title="나눔 장터 자원봉사 초안", slug="draft-market", live=False)
        parent.add_child(instance=draft)
        answer = self.get(q="나눔 장터 자원봉사", locale="vi").json()
        shown = {item["id"] for item in answer["items"]}
        self.assertNotIn(untranslated.pk, shown)
        self.assertNotIn(draft.pk, shown)

    def test_translated_drafts_stay_out_of_their_language(self):
        page = self.pages["en"]["emergency"]
        page.unpublish()
        answer = self.get(q="emergency help", locale="en").json()
        self.assertNotIn(page.pk, {item["id"] for item in answer["items"]})

    def test_suggestions_come_from_the_language_asked_for(self):
        answer = self.client.get(f"{SEARCH_URL}suggest/", {"q": "Korean", "locale": "en"})
        suggestions = answer.json()["suggestions"]
        self.assertEqual(suggestions[0]["id"], self.pages["en"]["korean_class"].pk)
        self.assertTrue(all(item["path"].startswith("/en/") for item in suggestions))
        bad = self.client.get(f"{SEARCH_URL}suggest/", {"q": "Korean", "locale": "xx"})
        self.assertEqual(bad.status_code, 400)

    def test_vietnamese_suggestions_fold_marks_like_search(self):
        interpreting = self.pages["vi"]["interpreting"].pk
        for typed in ("phien d", "phiên d", "PHIEN DICH"):
            answer = self.client.get(f"{SEARCH_URL}suggest/", {"q": typed, "locale": "vi"})
            self.assertEqual([item["id"] for item in answer.json()["suggestions"]], [interpreting])
        answer = self.client.get(f"{SEARCH_URL}suggest/", {"q": "ho tro", "locale": "vi"})
        found = [item["id"] for item in answer.json()["suggestions"]]
        # A title starting with the words comes first; every one is in the vi tree.
        self.assertEqual(found[0], self.pages["vi"]["language_dev"].pk)
        self.assertIn(self.pages["vi"]["overview"].pk, found)
        self.assertTrue(
            all(item["path"].startswith("/vi/") for item in answer.json()["suggestions"])
        )

    def test_no_korean_did_you_mean_for_another_language(self):
        # A Korean misspelling searched in Vietnamese: the Korean fallback searches it as
        # typed, and nothing offers a Korean correction to a Vietnamese search.
        korean = self.get(q="다누라").json()
        self.assertIsNotNone(korean["did_you_mean"])
        answer = self.get(q="다누라", locale="vi").json()
        self.assertIsNone(answer["did_you_mean"])
        self.assertEqual(answer["meta"], {"locale": "vi"})

    def test_traditional_characters_find_simplified_pages(self):
        answer = self.get(q="口譯", locale="zh-hans").json()
        self.assertEqual(answer["meta"], {"locale": "zh-hans"})
        self.assertEqual(answer["items"][0]["id"], self.pages["zh-hans"]["interpreting"].pk)

    def test_synonyms_belong_to_one_language(self):
        target = self.pages["en"]["language_dev"].pk
        self.assertNotIn(
            target, [i["id"] for i in self.get(q="toddler", locale="en").json()["items"]]
        )
        SearchSynonym.objects.create(language="en", terms="toddler", targets="children")
        self.assertEqual(self.get(q="toddler", locale="en").json()["items"][0]["id"], target)
        # A Vietnamese rule on the same word changes nothing in English, and vice versa.
        SearchSynonym.objects.create(language="vi", terms="emergency", targets="dasan")
        first = self.get(q="emergency", locale="en").json()["items"][0]["id"]
        self.assertEqual(first, self.pages["en"]["emergency"].pk)


@pytest.mark.django_db
def test_a_rule_in_an_unknown_language_is_refused():
    from django.core.exceptions import ValidationError

    rule = SearchSynonym(language="xx", terms="a, b")
    with pytest.raises(ValidationError):
        rule.clean()


@pytest.mark.search_engine
@pytest.mark.django_db
def test_the_engine_index_has_each_languages_own_analyzer(engine):
    from search.indexing import ensure_page_index

    ensure_page_index(engine)
    name = engine.get_index_for_model(Page).name

    def tokens(analyzer: str, text: str) -> list[str]:
        body = {"analyzer": analyzer, "text": text}
        return [
            token["token"] for token in engine.es.indices.analyze(index=name, body=body)["tokens"]
        ]

    assert tokens("portal_vi", "Hỗ trợ Đăng ký") == ["ho", "tro", "dang", "ky"]
    assert tokens("portal_en", "Families' counselors") == ["famili", "counselor"]
    # smartcn segments words (the CI node and the compose image have it), not characters.
    assert "家庭" in tokens("portal_zh_hans", "多元文化家庭支援")
    mapping = engine.es.indices.get_mapping(index=name)
    properties = next(iter(mapping.values()))["mappings"]["properties"]
    native = properties["pages_basepage__native_text"]
    assert set(native["fields"]) == {"zh_hans", "vi", "en"}
