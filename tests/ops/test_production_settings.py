"""cms.settings.production: secure by default, configured only from the environment."""

import re
import subprocess

import pytest

from .conftest import production_env
from .helpers import PYTHON, REPO, fetch, gunicorn, manage, run_script, subprocess_env


def example_environment() -> dict[str, str]:
    """The variables of .env.example, as docker compose would read them."""
    values = {}
    for line in (REPO / ".env.example").read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, value = line.partition("=")
        values[key.strip()] = value.strip().strip('"')
    return values


# Production forces DEBUG off whatever the environment says.
# Development and test switches production ignores or overrides.
NOT_FOR_PRODUCTION = {"DEBUG"}


def test_every_variable_the_settings_read_is_documented_in_the_example():
    sources = [REPO / "cms/settings/base.py", REPO / "cms/settings/production.py"]
    sources += [REPO / "search/engines.py"]
    read = set()
    for source in sources:
        read |= set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]+)\"", source.read_text()))

    assert read - NOT_FOR_PRODUCTION - set(example_environment()) == set()


def test_deploy_check_reports_nothing_with_the_example_environment():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=subprocess_env(**example_environment())
    )

    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL"])
def test_start_up_stops_with_a_clear_message_without(missing):
    env = subprocess_env(**example_environment())
    env.pop(missing)

    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [PYTHON, "-c", "import cms.wsgi"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "ImproperlyConfigured" in last_line
    assert f"{missing} 환경 변수가 필요합니다" in last_line


STORAGE_SCRIPT = (
    "import django; django.setup(); "
    "from django.core.files.storage import storages; s = storages['default']; "
    "print(type(s).__name__, getattr(s, 'bucket_name', ''), getattr(s, 'endpoint_url', ''))"
)


def default_storage_in(env: dict[str, str]) -> str:
    return run_script(STORAGE_SCRIPT, env).strip()


def test_media_go_to_s3_compatible_storage_when_a_bucket_is_set():
    env = subprocess_env(
        **{
            **example_environment(),
            "AWS_STORAGE_BUCKET_NAME": "family-portal-media",
            "AWS_S3_ENDPOINT_URL": "https://objects.example.test",
        }
    )

    assert default_storage_in(env) == "S3Storage family-portal-media https://objects.example.test"


def test_media_stay_on_local_disk_without_a_bucket():
    assert default_storage_in(subprocess_env(**example_environment())).startswith(
        "FileSystemStorage"
    )


def test_responses_carry_security_headers_and_secure_cookies(sqlite_copy, collected_static):
    env = production_env(f"sqlite:///{sqlite_copy}", STATIC_ROOT=str(collected_static))
    with gunicorn(env) as base:
        response = fetch(f"{base}/admin/login/", headers={"X-Forwarded-Proto": "https"})

    assert response.status == 200
    policy = response.headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "object-src 'none'", "frame-ancestors 'self'"):
        assert directive in policy
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    csrf_cookie = next(
        cookie for cookie in response.headers.get_all("Set-Cookie") if "csrftoken=" in cookie
    )
    assert "Secure" in csrf_cookie
    assert "HttpOnly" in csrf_cookie
