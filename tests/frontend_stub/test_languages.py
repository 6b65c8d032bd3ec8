"""The client in four languages: its interface text is translated for every string it uses,
and the shell says the path's language before any script runs."""

import json
import re
from pathlib import Path

import pytest

from content.locales import content_languages, default_language

PUBLIC = Path(__file__).resolve().parents[2] / "frontend_stub" / "public"
JS = PUBLIC / "assets" / "js"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"\{\w+\}")


def catalog() -> dict[str, dict[str, str]]:
    text = (JS / "messages.js").read_text()
    body = text[text.index("export const MESSAGES = ") + len("export const MESSAGES = ") :]
    return json.loads(body.rstrip().removesuffix(";"))


def used_keys() -> set[str]:
    """Every Korean source string the client passes to t() or marks data-i18n in the shell,
    plus the tables whose entries are translated where they are shown."""
    keys = set()
    for path in JS.rglob("*.js"):
        source = path.read_text()
        keys |= set(re.findall(r'\bt\(\s*"((?:[^"\\]|\\.)*)"', source))
    shell = (PUBLIC / "index.html").read_text()
    keys |= set(re.findall(r'data-i18n(?:-[a-z-]+)?="([^"]+)"', shell))
    format_js = (JS / "format.js").read_text()
    keys |= set(re.findall(r'"pages\.\w+": "([^"]+)"', format_js))
    counseling = (JS / "screens" / "counseling.js").read_text()
    keys |= set(re.findall(r'\["[a-z-]+", "([^"]+)"\]', counseling))
    section = (JS / "screens" / "section.js").read_text()
    keys |= set(re.findall(r'heading: "([^"]+)"', section))
    program = (JS / "screens" / "program.js").read_text()
    statuses = re.search(r"STATUS_LABELS = \{([^}]*)\}", program).group(1)
    keys |= set(re.findall(r': "([^"]+)"', statuses))
    search = (JS / "screens" / "search.js").read_text()
    facets = re.search(r"FACET_TITLES = \{([^}]*)\}", search).group(1)
    keys |= set(re.findall(r': "([^"]+)"', facets))
    return keys


def test_the_catalog_covers_every_content_language_but_korean():
    others = set(content_languages()) - {default_language()}
    assert set(catalog()) == others


@pytest.mark.parametrize("language", ["zh-hans", "vi", "en"])
def test_every_interface_string_is_translated(language):
    messages = catalog()[language]
    missing = sorted(used_keys() - set(messages))
    assert not missing, f"{language} lacks {missing}"


@pytest.mark.parametrize("language", ["zh-hans", "vi", "en"])
def test_translations_are_real_and_keep_their_placeholders(language):
    for korean, text in catalog()[language].items():
        assert text.strip(), korean
        assert not HANGUL.search(text), f"{language}: Korean left in {text!r}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(korean)), text


def test_no_translation_is_left_over():
    """A string the client no longer uses is dropped from the catalog too."""
    for language, messages in catalog().items():
        assert not set(messages) - used_keys() - {SITE_DESCRIPTION}, language


SITE_DESCRIPTION = "가족생활, 보육, 교육과 상담 정보를 한곳에서 찾아보는 서울시 패밀리 포털"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/frontend/", "ko"),
        ("/frontend/vi/search/", "vi"),
        ("/frontend/zh-hans/counseling/ask/", "zh-hans"),
    ],
)
def test_the_shell_is_in_the_paths_language(client, path, language):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
    # The switcher names each language in itself, with its own lang attribute.
    for name in ("한국어", "简体中文", "Tiếng Việt", "English"):
        assert name in response.content.decode()
