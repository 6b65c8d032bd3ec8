"""Search analysis per content language: a page is analysed by its own language's analyser,
and a query by the language it searches (`?locale=`), so both sides meet on the same terms.

- ko: Kiwi (`search.korean`), unchanged.
- zh-hans: jieba word segmentation; pages are indexed with its search mode (long words and
  the dictionary words inside them), queries cut into words, so 多元文化家庭 and 多元 文化 家庭
  meet.
- vi: every syllable folded to plain letters (hỗ trợ → ho tro, đ → d), so a query typed
  without diacritics or tone marks finds the page, and one typed with them too.
- en: lower case and Snowball's English stemmer (families → famili, counselors → counselor).

A language without an analyser of its own (one added to `PORTAL_LANGUAGES` later) is split on
letters and folded like Vietnamese: it is searchable at once, if without stemming.
"""

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from search import korean
from search.korean import QueryUnit

KOREAN = "ko"
_WORD = re.compile(r"\w+")
_HAS_WORD_CHARACTER = re.compile(r"\w")


@dataclass(frozen=True)
class Analyser:
    """How one language's text becomes terms: a page's, and a query's units."""

    language: str
    index_terms: Callable[[str], list[str]]
    query_units: Callable[[str], list[QueryUnit]]
    # Whether highlighting matches on the folded text (Vietnamese: ho finds hỗ).
    folds: bool = False
    # Whether a term is a stem whose match runs on to the end of the word (en: famili…).
    stems: bool = False


# Folding -------------------------------------------------------------------------------------


def fold_character(character: str) -> str:
    """One character without its diacritics and tone marks (ỗ → o, đ → d), lower case: a
    character folds to one character, so folded text keeps the original's positions."""
    if character in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", character)[0]
    return base.lower() if len(base.lower()) == 1 else character


def fold(text: str) -> str:
    """`text` without diacritics and tone marks, lower case, as long as `text`."""
    return "".join(fold_character(character) for character in text)


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _units(words: list[str], stop: frozenset[str]) -> list[QueryUnit]:
    """Each distinct word a unit, the question phrasing dropped unless nothing else is left."""
    units = {word: QueryUnit(word, word=word) for word in words}
    meaningful = [unit for unit in units.values() if unit.text not in stop]
    return meaningful or list(units.values())


# Vietnamese ---------------------------------------------------------------------------------

# Question phrasing and function words, dropped from a query like Korean's STOP_UNITS. With
# their marks: folded, many would be other words (đang "being" / đăng ký "register", đa
# "multi-", thì / thi "exam", hỏi / hội "society"). Typed without marks, only the unambiguous
# ones are dropped (VIETNAMESE_PLAIN_STOP).
VIETNAMESE_STOP = frozenset(
    [
        "tôi",
        "mình",
        "bạn",
        "em",
        "anh",
        "chị",
        "có",
        "không",
        "ở",
        "đâu",
        "thế",
        "nào",
        "làm",
        "sao",
        "được",
        "là",
        "các",
        "những",
        "muốn",
        "cần",
        "gì",
        "như",
        "và",
        "của",
        "cho",
        "với",
        "thì",
        "mà",
        "này",
        "đó",
        "hay",
        "hoặc",
        "ai",
        "khi",
        "bao",
        "nhiêu",
        "xin",
        "hỏi",
        "cách",
        "phải",
        "vậy",
        "à",
        "nhé",
        "ơi",
        "rồi",
        "sẽ",
        "đã",
        "đang",
        "để",
    ]
)
VIETNAMESE_PLAIN_STOP = frozenset(
    ["toi", "khong", "duoc", "nhung", "muon", "nhu", "cua", "voi", "hoac", "nhieu", "vay"]
)


def _vietnamese_stop(word: str) -> bool:
    return word in VIETNAMESE_STOP or (word.isascii() and word in VIETNAMESE_PLAIN_STOP)


def vietnamese_terms(text: str) -> list[str]:
    return _words(text)


def vietnamese_units(text: str) -> list[QueryUnit]:
    words = _WORD.findall(unicodedata.normalize("NFC", text.lower()))
    units = {fold(word): QueryUnit(fold(word), word=word) for word in words}
    kept = {fold(word) for word in words if not _vietnamese_stop(word)}
    return [unit for key, unit in units.items() if key in kept] or list(units.values())


# English ------------------------------------------------------------------------------------

ENGLISH_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "about",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "do",
        "does",
        "did",
        "i",
        "me",
        "my",
        "we",
        "our",
        "you",
        "your",
        "he",
        "she",
        "it",
        "its",
        "they",
        "them",
        "their",
        "this",
        "that",
        "these",
        "those",
        "what",
        "where",
        "when",
        "how",
        "who",
        "which",
        "why",
        "can",
        "could",
        "should",
        "would",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "need",
        "want",
        "get",
        "got",
        "find",
        "there",
        "here",
        "any",
        "some",
        "s",
        "t",
        "please",
        "tell",
        "know",
        "if",
        "so",
        "not",
        "no",
        "into",
        "than",
        "then",
        "also",
        "just",
    ]
)


@cache
def _english_stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65_536)
def english_stem(word: str) -> str:
    return _english_stemmer().stemWord(word)


def english_terms(text: str) -> list[str]:
    return [english_stem(word) for word in _words(text)]


def english_units(text: str) -> list[QueryUnit]:
    words = [word for word in _words(text) if word not in ENGLISH_STOP]
    units = {english_stem(word): QueryUnit(english_stem(word), word=word) for word in words}
    if units:
        return list(units.values())
    return _units(english_terms(text), frozenset())


# Chinese ------------------------------------------------------------------------------------

# Question phrasing and function words, dropped from a query.
CHINESE_STOP = frozenset(
    [
        "的",
        "了",
        "在",
        "是",
        "我",
        "我们",
        "你",
        "您",
        "他",
        "她",
        "有",
        "和",
        "与",
        "及",
        "或",
        "吗",
        "呢",
        "吧",
        "啊",
        "呀",
        "要",
        "想",
        "去",
        "怎么",
        "怎样",
        "如何",
        "哪里",
        "哪儿",
        "在哪",
        "在哪里",
        "什么",
        "可以",
        "能",
        "能不能",
        "请问",
        "请",
        "需要",
        "应该",
        "一下",
        "到",
        "给",
        "谁",
        "哪",
        "个",
        "这",
        "那",
        "就",
        "都",
        "也",
        "还",
        "又",
        "把",
        "被",
        "让",
        "从",
        "对",
        "为",
        "为了",
        "么",
        "该",
        "怎么办",
        "办",
        "哪些",
        "多少",
    ]
)


@cache
def _jieba():
    import jieba

    # jieba logs its dictionary loading at DEBUG level to its own handler.
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _meaningful(token: str) -> bool:
    return bool(_HAS_WORD_CHARACTER.search(token))


@cache
def _to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """`text` in simplified characters: Korean-Chinese families often type traditional ones
    (口譯, 諮詢), which the Simplified Chinese pages write 口译, 咨询."""
    return _to_simplified().convert(text)


def chinese_terms(text: str) -> list[str]:
    """The words of `text` and the dictionary words inside the long ones (search mode)."""
    return [
        token.lower()
        for token in _jieba().cut_for_search(simplified(text), HMM=False)
        if _meaningful(token) and not token.isspace()
    ]


def chinese_units(text: str) -> list[QueryUnit]:
    """The query's words; a long word made of dictionary words is asked for as those words
    (心理咨询 → 心理, 咨询; 联系方式 → 联系, 方式), so a page with some of them is found and
    one with all of them — written together or apart — comes first."""
    units: dict[str, QueryUnit] = {}
    for token in _jieba().cut(simplified(text), HMM=False):
        word = token.strip().lower()
        if not word or not _meaningful(word):
            continue
        parts = tuple(part for part in _jieba().cut_for_search(word, HMM=False) if part != word)
        whole = len(parts) > 1 and "".join(parts) == word
        for part in parts if whole else (word,):
            units.setdefault(part, QueryUnit(part, word=part))
    meaningful = [unit for unit in units.values() if unit.text not in CHINESE_STOP]
    return meaningful or list(units.values())


# Choosing ----------------------------------------------------------------------------------

ANALYSERS = {
    KOREAN: Analyser(KOREAN, korean.index_terms, korean.query_units),
    "zh-hans": Analyser("zh-hans", chinese_terms, chinese_units),
    "vi": Analyser("vi", vietnamese_terms, vietnamese_units, folds=True),
    "en": Analyser("en", english_terms, english_units, folds=True, stems=True),
}
# A language added to the settings later: split on letters, folded.
OTHER = Analyser("", vietnamese_terms, lambda text: _units(_words(text), frozenset()), True)


def analyser(language: str) -> Analyser:
    return ANALYSERS.get(language, OTHER)


def index_terms_many(texts: list[str], language: str) -> list[list[str]]:
    """The terms of each of `texts`, written in `language`."""
    if language == KOREAN:
        return korean.index_terms_many(texts)
    terms = analyser(language).index_terms
    return [terms(text) if text else [] for text in texts]


def query_units(text: str, language: str = KOREAN) -> list[QueryUnit]:
    """The units a query in `language` asks for (see `search.korean.query_units`)."""
    return analyser(language).query_units(text)


# Which language a page is in ---------------------------------------------------------------


def locale_languages() -> dict[int, str]:
    """Each locale's id and language code (one query: once per indexing batch, not per page;
    not kept across calls, since tests and new languages create locales)."""
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("pk", "language_code"))
