"""The demo's settling-in pages for multicultural families (demo/languages.py), loaded as
`make run` loads them: Korean pages, translated into zh-hans, vi and en through PO files and
published by the reviewer; one page left Korean only."""

from demo.languages import PAGES, TRANSLATED_LANGUAGES
from demo.loader import DemoLoader
from pages.models import ArticlePage

# The quality sets' names for the translated pages, by their Korean slugs.
KEYS = {
    "overview": "다문화가족-지원-안내",
    "danuri": "다누리콜센터",
    "interpreting": "통역-번역-서비스",
    "korean_class": "한국어-교육",
    "find_center": "가족센터-찾기",
    "counseling": "다문화가족-상담",
    "language_dev": "자녀-언어발달-지원",
    "emergency": "위기-긴급-지원",
    "residence": "체류-생활-안내",
    "dasan120": "120-외국어-상담",
}
UNTRANSLATED_SLUG = next(spec["ko"]["slug"] for spec in PAGES if len(spec) == 2)


def load_language_pages() -> dict[str, dict[str, ArticlePage]]:
    """Load the pages; each language's pages by key (Korean under "ko", with "untranslated")."""
    loader = DemoLoader(say=lambda line: None)
    loader.load_portal()
    loader.load_users()
    loader.load_taxonomy()
    loader.load_languages()
    korean = {key: ArticlePage.objects.get(slug=slug) for key, slug in KEYS.items()}
    pages: dict[str, dict[str, ArticlePage]] = {"ko": dict(korean)}
    pages["ko"]["untranslated"] = ArticlePage.objects.get(slug=UNTRANSLATED_SLUG)
    for language in TRANSLATED_LANGUAGES:
        pages[language] = {
            key: page.get_translations().get(locale__language_code=language).specific
            for key, page in korean.items()
        }
    return pages
