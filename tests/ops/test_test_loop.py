"""The local test loop keeps its database between runs; CI builds it from the migrations."""

import os
import subprocess

from django.conf import settings
from django.db import connection

from .helpers import REPO


def make_dry_run(*args: str) -> str:
    # As a developer's shell runs it: not inside CI's `make test TEST_DB=--create-db`, whose
    # variables a nested make would inherit through MAKEFLAGS.
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "TEST_DB")
    }
    return subprocess.run(  # noqa: S603 - make on our own Makefile, nothing executed (-n)
        ["make", "-n", "--always-make", *args],  # noqa: S607
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def pytest_line(output: str) -> str:
    return next(line for line in output.splitlines() if "-m pytest" in line)


def test_make_test_reuses_the_database_and_still_checks_migrations():
    output = make_dry_run("test")

    assert "makemigrations --check" in output
    assert "--reuse-db" in pytest_line(output)
    assert "--create-db" not in pytest_line(output)


def test_make_test_fresh_builds_the_database_again():
    assert "--create-db" in pytest_line(make_dry_run("test-fresh"))


def test_ci_builds_the_test_database_from_migrations():
    ci = (REPO / ".ci" / "run").read_text()

    assert "make test TEST_DB=--create-db" in ci
    assert "--create-db" in pytest_line(make_dry_run("test", "TEST_DB=--create-db"))


def test_the_sqlite_test_database_has_a_fixed_place_to_be_found_again():
    """Not a fresh temporary directory per run, which --reuse-db could never find again."""
    if connection.vendor != "sqlite" or os.environ.get("TEST_DATABASE_NAME"):
        return

    assert settings.DATABASES["default"]["TEST"]["NAME"] == str(REPO / ".run" / "test.sqlite3")
