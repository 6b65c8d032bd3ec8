"""The translation catalogs in locale/: every translated format string keeps its placeholders.

A translation that drops `%(model_name)s` compiles (Babel does not check it), but GNU msgfmt
refuses it and Django then shows the admin a sentence missing its subject, or raises a
KeyError/TypeError where a placeholder was renamed.
"""

import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

CATALOGS = sorted(Path(__file__).resolve().parents[1].glob("locale/*/LC_MESSAGES/*.po"))
# Python's %-format specifications: named `%(name)s` or positional `%s`, `%d`; `%%` is a percent.
PYTHON_FORMAT = re.compile(r"%(?:\((?P<name>[^)]+)\))?[-#0 +]*\d*(?:\.\d+)?(?P<kind>[a-zA-Z%])")


def placeholders(text: str) -> list[str]:
    """The format specifications of `text`: names for named ones, kinds for positional."""
    found = []
    for match in PYTHON_FORMAT.finditer(text):
        if match["kind"] == "%":
            continue
        found.append(f"({match['name']})" if match["name"] else match["kind"])
    return found


def format_mismatches(path: Path) -> list[str]:
    """Each message marked python-format whose translation's placeholders differ from the
    source's (for a plural, from the plural source's: Korean has one form for every count)."""
    problems = []
    for entry in polib.pofile(str(path)):
        if "python-format" not in entry.flags or entry.obsolete:
            continue
        source = entry.msgid_plural or entry.msgid
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        expected = sorted(placeholders(source))
        for translation in translations:
            if translation and sorted(placeholders(translation)) != expected:
                problems.append(f"{path.name}:{entry.linenum}: {entry.msgid!r} → {translation!r}")
    return problems


def test_there_are_catalogs_to_check():
    assert any(path.name == "django.po" for path in CATALOGS)


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: str(path.relative_to(path.parents[3])))
def test_every_translation_keeps_the_placeholders_of_its_source(path):
    assert format_mismatches(path) == []


@pytest.mark.parametrize("path", CATALOGS, ids=lambda path: str(path.relative_to(path.parents[3])))
def test_gnu_msgfmt_accepts_the_catalog(path, tmp_path):
    """The same check GNU gettext's own tool makes (`msgfmt --check-format`)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext's msgfmt is not installed (apt-get install gettext)")
    result = subprocess.run(  # noqa: S603 - a fixed tool on a file of the repository
        [msgfmt, "--check-format", "--check-header", "-o", str(tmp_path / "out.mo"), str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_check_catches_a_dropped_placeholder(tmp_path):
    catalog = tmp_path / "django.po"
    catalog.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        "#, python-format\n"
        'msgid "Would you still like to publish this %(model_name)s?"\n'
        'msgstr "그래도 지금 게시할까요?"\n',
        encoding="utf-8",
    )

    assert len(format_mismatches(catalog)) == 1
