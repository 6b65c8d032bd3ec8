"""The one normaliser of typed and pasted Korean text."""

import unicodedata

from content.paths import normalise_path
from content.text import normalise_text


def test_decomposed_hangul_is_composed():
    assert normalise_text(unicodedata.normalize("NFD", "한부모 가족")) == "한부모 가족"


def test_full_width_forms_fold_to_ascii():
    assert normalise_text("ＡＢＣ１２３！\u3000서울") == "ABC123! 서울"


def test_controls_and_invisible_format_characters_go():
    assert normalise_text("가\x00족\u200b상\ufeff담") == "가족상담"
    assert normalise_text("가족\t상담\r\n안내") == "가족 상담  안내"
    assert normalise_text("가족\n상담", keep_newlines=True) == "가족\n상담"


def test_compatibility_jamo_are_kept_for_initial_consonant_searches():
    assert normalise_text("ㅎㅂㅁ") == "ㅎㅂㅁ"


def test_paths_use_the_same_normaliser():
    nfd = unicodedata.normalize("NFD", "/가족정보/한부모-지원/")
    assert normalise_path(nfd + "\x00") == "/가족정보/한부모-지원/"
    assert normalise_path("／가족정보／") == "/가족정보/"
