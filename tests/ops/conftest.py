import os
import shutil

import pytest

from .helpers import manage, subprocess_env

PRODUCTION_SECRET_KEY = "ops-tests-only-" + "x" * 50


def production_env(database_url: str, **overrides: str) -> dict[str, str]:
    """Production settings as .env.example sets them, pointed at a local database."""
    from django.conf import settings

    return subprocess_env(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=PRODUCTION_SECRET_KEY,
        DATABASE_URL=database_url,
        COUNSELING_ENCRYPTION_KEY=settings.COUNSELING_ENCRYPTION_KEY,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_PROXY_SSL_HEADER="true",
        SEARCH_BACKEND="database",
        LOG_LEVEL="INFO",
        **overrides,
    )


@pytest.fixture(scope="session")
def redis_url() -> str:
    """A Valkey/Redis server for the shared cache (`bash .ci/redis.sh`), or a skip (a failure
    when REQUIRE_REDIS is set, as in CI)."""
    url = os.environ.get("REDIS_URL", "")
    if not url:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("REQUIRE_REDIS is set but REDIS_URL is not (bash .ci/redis.sh)")
        pytest.skip("no shared cache server (set REDIS_URL, e.g. $(bash .ci/redis.sh))")
    return url


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """STATIC_ROOT filled by collectstatic, as the production image has it."""
    path = tmp_path_factory.mktemp("static")
    env = production_env(f"sqlite:///{path / 'unused.sqlite3'}", STATIC_ROOT=str(path))
    result = manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return path


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory):
    """A migrated SQLite file (made once per session); copy it before use."""
    path = tmp_path_factory.mktemp("migrated") / "portal.sqlite3"
    result = manage("migrate", "--noinput", env=production_env(f"sqlite:///{path}"))
    assert result.returncode == 0, result.stderr[-3000:]
    return path


@pytest.fixture
def sqlite_copy(migrated_sqlite, tmp_path):
    path = tmp_path / "portal.sqlite3"
    shutil.copy(migrated_sqlite, path)
    return path
