"""tests/programs.py: a missing program skips locally and fails where it is required."""

import pytest
from _pytest.outcomes import Failed, Skipped

from tests.programs import CHROMIUM, NODE, PDFTOPPM, Program

MISSING = Program("family-portal-no-such-program", "REQUIRE_NO_SUCH_PROGRAM", "nowhere to get it")


def test_a_missing_program_skips_with_the_reason_when_not_required(monkeypatch):
    monkeypatch.delenv("REQUIRE_NO_SUCH_PROGRAM", raising=False)

    with pytest.raises(Skipped, match="family-portal-no-such-program is not installed"):
        MISSING.require()


def test_a_missing_program_fails_when_required(monkeypatch):
    monkeypatch.setenv("REQUIRE_NO_SUCH_PROGRAM", "1")

    with pytest.raises(Failed, match="REQUIRE_NO_SUCH_PROGRAM is set but"):
        MISSING.require()


def test_a_missing_fixed_path_fails_when_required(monkeypatch, tmp_path):
    monkeypatch.setenv("REQUIRE_NO_SUCH_PROGRAM", "1")
    absent = Program("chromium", "REQUIRE_NO_SUCH_PROGRAM", "x", path=str(tmp_path / "chromium"))

    with pytest.raises(Failed, match=str(tmp_path / "chromium")):
        absent.require()


def test_a_present_program_is_found_whatever_is_required(monkeypatch, tmp_path):
    program = tmp_path / "tool"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("REQUIRE_TOOL", "1")

    assert Program("tool", "REQUIRE_TOOL", "x").require() == str(program)


def test_ci_requires_every_program():
    """.ci/run's test stage names each program's variable, so CI never skips them silently."""
    from django.conf import settings

    ci = (settings.BASE_DIR / ".ci" / "run").read_text()
    for program in (NODE, CHROMIUM, PDFTOPPM):
        assert f"{program.variable}=1" in ci
