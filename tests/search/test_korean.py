"""Korean analysis: pages and queries meet whatever the particles, endings and spacing."""

import pytest

from search.korean import index_terms, query_terms


def _found(query: str, text: str) -> bool:
    """What the engines do with the terms: every unit present, or the joined spelling."""
    terms, indexed = query_terms(query), set(index_terms(text))
    return set(terms.units) <= indexed or (terms.joined in indexed)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("가족", "가족을 위한 상담"),
        ("가족", "다문화가족에게 한국어를"),
        ("한부모가정", "한부모 가정을 돕는 제도"),
        ("한부모 가정", "한부모가정 지원"),
        ("한부모", "한부모가정 지원"),
        ("서울가족학교", "서울 가족 학교 안내"),
        ("돌봐주는", "손주를 돌보는 조부모"),
        ("Family", "family day 행사"),
    ],
)
def test_query_meets_page_across_particles_spacing_and_compounds(query, text):
    assert _found(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("한부모", "부모 교육 강좌"),
        ("직장맘", "직장 내 괴롭힘 상담과 맘카페"),
        ("가족 상담", "가족 여행 안내"),
    ],
)
def test_unrelated_pages_do_not_match(query, text):
    assert not _found(query, text)


def test_particles_and_punctuation_are_not_terms():
    assert query_terms("ㅋㅋㅋ !!!").units == ()
    assert "을" not in index_terms("가족을 위한 상담")
