"""The README is a short front door whose links work; docs/ builds strictly (links, anchors)."""

import re
import subprocess
import sys

from django.conf import settings

README = settings.BASE_DIR / "README.md"
LINK = re.compile(r"\]\(([^)#\s]+)(#[^)\s]*)?\)")


def test_the_readme_is_a_front_door():
    text = README.read_text(encoding="utf-8")

    assert len(text.encode()) <= 15 * 1024
    assert text.index("make run") < text.index("## Read on")
    assert "make test" in text


def test_every_relative_link_in_the_readme_names_a_file():
    links = [
        target
        for target, _anchor in LINK.findall(README.read_text(encoding="utf-8"))
        if not re.match(r"[a-z]+:", target)
    ]

    assert links
    missing = [target for target in links if not (settings.BASE_DIR / target).exists()]
    assert not missing


def test_the_documentation_builds_strictly(tmp_path):
    """mkdocs --strict (mkdocs.yml's validation): a broken link or anchor, or a page not in the
    nav, is a warning, and a warning fails the build."""
    result = subprocess.run(  # noqa: S603 - mkdocs on our own docs
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert (tmp_path / "api" / "index.html").exists()
