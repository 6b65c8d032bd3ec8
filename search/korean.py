"""Korean analysis shared by indexing and querying, so every engine sees the same terms.

Korean glues particles and endings onto words (가족을, 가족에게) and writes compounds with
or without spaces (한부모가정 / 한부모 가정). Kiwi (kiwipiepy) splits each word into
morphemes; from them we keep the content: runs of nouns, written exactly as in the text,
and verb or adjective stems. A page is indexed with every run, its parts and the joins of
adjacent bare nouns; a query asks for each of its runs, so both spellings of a compound meet.
"""

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from kiwipiepy import Kiwi

# Morphemes that can stand alone as a search term.
_CONTENT_TAGS = frozenset({"NNG", "NNP", "NR", "SL", "SN", "SH", "XR"})
# Morphemes that belong to a noun run but mean little alone (한부모 → 한/MM 부모/NNG).
_RUN_ONLY_TAGS = frozenset({"MM", "NNB", "XPN", "XSN"})
_STEM_TAGS = ("VV", "VA")
# Longest noun run (in morphemes) whose parts are indexed; longer ones keep only pieces.
_MAX_PART_MORPHEMES = 4
# How many bare-noun words in a row are joined (서울 가족 학교 → 서울가족학교).
_MAX_JOINED_WORDS = 3


@cache
def _kiwi() -> Kiwi:
    """The analyzer, loaded on first use (about two seconds) and shared by all threads."""
    # Single-threaded (num_workers=0): Kiwi's default pool of one thread per core is loaded in
    # gunicorn's master and cannot be joined in a forked worker, which then aborts or hangs
    # when it exits. We tokenize one text per call, so the pool never helped.
    with warnings.catch_warnings():
        # Kiwi warns that 0 meant "every core" before v0.21; it now means no pool.
        warnings.simplefilter("ignore", DeprecationWarning)
        return Kiwi(num_workers=0)


@dataclass(frozen=True)
class Word:
    """One space-separated word: its noun runs and stems, and whether it is a bare noun."""

    runs: tuple[tuple[str, ...], ...]
    stems: tuple[str, ...]
    bare_noun: bool

    @property
    def units(self) -> list[str]:
        """What a query must find for this word: each noun run written as one, each stem."""
        return ["".join(run) for run in self.runs] + list(self.stems)


def _tag(token) -> str:
    return token.tag.split("-", 1)[0]


def analyze_words(text: str) -> list[Word]:
    """Split `text` into words and keep each word's content morphemes."""
    if not text or not text.strip():
        return []
    return _words(text, _kiwi().tokenize(text))


def _words(text: str, tokens) -> list[Word]:
    words: dict[int, list] = {}
    for token in tokens:
        words.setdefault(token.word_position, []).append(token)
    return [_word(text, tokens) for _, tokens in sorted(words.items())]


def _word(text: str, tokens: list) -> Word:
    runs: list[tuple[str, ...]] = []
    stems: list[str] = []
    current: list[str] = []
    has_content = False
    bare_noun = True

    def close_run() -> None:
        nonlocal current, has_content
        if current and has_content:
            runs.append(tuple(current))
        current, has_content = [], False

    for token in tokens:
        tag = _tag(token)
        surface = text[token.start : token.end].lower()
        if tag in _CONTENT_TAGS or tag in _RUN_ONLY_TAGS:
            current.append(surface)
            has_content = has_content or tag in _CONTENT_TAGS
            continue
        close_run()
        bare_noun = False
        if tag in _STEM_TAGS and len(token.form) > 0:
            stems.append(token.form)
    close_run()
    return Word(runs=tuple(runs), stems=tuple(stems), bare_noun=bare_noun and len(runs) == 1)


def _run_parts(run: tuple[str, ...]) -> Iterable[str]:
    """The run, and every shorter stretch of it worth a term (부모, 가정, 한부모, 부모가정)."""
    yield "".join(run)
    size = len(run)
    for start in range(size):
        for end in range(start + 1, min(size, start + _MAX_PART_MORPHEMES) + 1):
            if end - start == size:
                continue
            part = "".join(run[start:end])
            if len(part) > 1 or end - start > 1:
                yield part


def index_terms(text: str) -> list[str]:
    """The terms a page is found by, in reading order, one per occurrence."""
    return _terms(analyze_words(text))


def index_terms_many(texts: list[str]) -> list[list[str]]:
    """`index_terms` of each of `texts` (indexing many pages). One text at a time: Kiwi runs
    single-threaded (see `_kiwi`), and its list form needs its thread pool."""
    return [index_terms(text) for text in texts]


def _terms(words: list[Word]) -> list[str]:
    terms: list[str] = []
    for position, word in enumerate(words):
        for run in word.runs:
            terms.extend(_run_parts(run))
        terms.extend(word.stems)
        terms.extend(_joins_starting_at(words, position))
    return terms


def _joins_starting_at(words: list[Word], position: int) -> Iterable[str]:
    """Bare nouns written apart, joined as they are written together (한부모 가정 → 한부모가정)."""
    if not words[position].bare_noun:
        return
    joined = "".join(words[position].runs[0])
    for following in words[position + 1 : position + _MAX_JOINED_WORDS]:
        if not following.runs:
            return
        joined += "".join(following.runs[0])
        yield joined
        if not following.bare_noun:
            return


@dataclass(frozen=True)
class QueryTerms:
    """A query as Korean terms: every unit must match, or else the whole query written as one."""

    units: tuple[str, ...]
    joined: str | None

    def __bool__(self) -> bool:
        return bool(self.units)


def query_terms(text: str) -> QueryTerms:
    """The terms a query asks for, analysed exactly as pages are."""
    words = analyze_words(text)
    units = tuple(dict.fromkeys(unit for word in words for unit in word.units))
    joined = None
    if len(words) > 1 and all(word.bare_noun for word in words):
        joined = "".join("".join(word.runs[0]) for word in words)
    return QueryTerms(units=units, joined=joined)


# Question phrasing and filler: words citizens wrap a request in ("…하려면 어디에 신청하나요",
# "알려주세요") that no page is about. Dropped from a query unless nothing else is left.
STOP_UNITS = frozenset(
    {
        "방법",
        "곳",
        "수",
        "것",
        "거",
        "때",
        "경우",
        "문의",
        "질문",
        "관련",
        "가능",
        "여부",
        "무엇",
        "뭐",
        "언제",
        "누구",
        "어디",
        "정도",
        "좀",
        "요즘",
        "하",
        "되",
        "있",
        "없",
        "받",
        "알리",
        "알",
        "주",
        "보",
        "싶",
        "가",
        "오",
        "좋",
        "같",
        "어떻",
        "모르",
        "궁금",
        "궁금하",
        "찾",
        "나",
        "저",
        "제",
        "위하",
        "대하",
        "통하",
    }
)


def _segments(run: tuple[str, ...]) -> tuple[str, ...]:
    """A noun run as the words a page may write apart: a one-letter morpheme stays with the
    noun after it, or else with the one before (한+부모+양육비 → 한부모, 양육비)."""
    segments: list[str] = []
    pending = ""
    for morpheme in run:
        if len(morpheme) == 1 and not pending and not segments:
            pending = morpheme
        elif len(morpheme) == 1 and segments:
            segments[-1] += morpheme
        else:
            segments.append(pending + morpheme)
            pending = ""
    if pending:
        segments.append(pending)
    return tuple(segments)


@dataclass(frozen=True)
class QueryUnit:
    """One thing a query asks for: `text` as written (a noun run or a stem) and, for a
    compound, the same words written apart (`parts`, all of them needed)."""

    text: str
    parts: tuple[str, ...] = ()
    # The word as typed, without punctuation (for "did you mean" where analysis cut it short).
    word: str = ""


def query_units(text: str) -> list[QueryUnit]:
    """The units of a query: content words without the question phrasing around them.

    A word Kiwi reads as no content at all (a lone 아이 is read as the interjection "아이!")
    is kept as written, so single common words are searched too.
    """
    units: dict[str, QueryUnit] = {}
    for raw_word, (word, unread) in zip(text.split(), words_by_space(text), strict=False):
        found = False
        bare = "".join(ch for ch in raw_word if ch.isalnum()).lower()
        for run in word.runs if word else ():
            joined = "".join(run)
            segments = _segments(run)
            parts = segments if len(segments) > 1 else ()
            units.setdefault(joined, QueryUnit(joined, parts, bare))
            found = True
        for stem in word.stems if word else ():
            units.setdefault(stem, QueryUnit(stem, word=bare))
            found = True
        if not found and unread and len(bare) > 1:
            units.setdefault(bare, QueryUnit(bare, word=bare))
    meaningful = [unit for unit in units.values() if unit.text not in STOP_UNITS]
    return meaningful or list(units.values())


# Tags of a word Kiwi could not read as content: an interjection, an unknown word.
_UNREAD_TAGS = frozenset({"IC", "UN", "NA"})


def words_by_space(text: str) -> list[tuple[Word | None, bool]]:
    """`analyze_words` aligned with `text.split()`, each with whether Kiwi found nothing but
    interjections or unknown morphemes in it."""
    words: dict[int, list] = {}
    for token in _kiwi().tokenize(text):
        words.setdefault(token.word_position, []).append(token)
    aligned = []
    for position in range(len(text.split())):
        tokens = words.get(position, [])
        unread = all(_tag(token) in _UNREAD_TAGS for token in tokens)
        aligned.append((_word(text, tokens) if tokens else None, unread))
    return aligned
