"""docker-compose.yml describes the stack docs/operations.md describes (.ci/compose.sh: syntax)."""

import os
import subprocess
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands

from .conftest import production_env
from .helpers import PYTHON, REPO, shared_database_url


def compose() -> dict:
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def test_postgres_keeps_its_data_in_a_named_volume():
    stack = compose()

    assert "pgdata:/var/lib/postgresql/data" in stack["services"]["postgres"]["volumes"]
    assert "pgdata" in stack["volumes"]


def test_elasticsearch_is_one_memory_bounded_node_with_the_korean_analyzer():
    service = compose()["services"]["elasticsearch"]
    dockerfile = (REPO / service["build"]["context"] / "Dockerfile").read_text()

    assert service["environment"]["discovery.type"] == "single-node"
    assert service["mem_limit"] == "1g"
    assert "-Xmx" in (REPO / ".env.example").read_text()
    assert "elasticsearch-plugin install --batch analysis-nori" in dockerfile


def test_web_serves_with_gunicorn_and_workers_scale_beside_one_scheduler():
    services = compose()["services"]
    web = services["web"]["command"]

    assert web.startswith("gunicorn cms.wsgi:application")
    assert "--config cms/gunicorn.conf.py" in web
    assert services["scheduler"]["command"] == ["python", "manage.py", "run_scheduler"]
    # Scalable: no fixed container name or published port would clash between replicas.
    assert not {"container_name", "ports"} & set(services["worker"])
    assert services["worker"]["command"] == [
        "python",
        "manage.py",
        "db_worker",
        "--backend",
        "background",
        "--no-reload",
    ]
    assert services["web"]["build"]["dockerfile"] == "cms/Dockerfile"
    assert services["web"]["healthcheck"]["test"][-1].endswith("/readyz")


def test_every_management_command_the_stack_runs_exists():
    services = compose()["services"]
    commands = get_commands()

    assert "run_scheduler" in commands
    assert "setup_portal" in commands
    assert "manage.py setup_portal" in " ".join(services["migrate"]["command"])
    assert (
        "whitenoise.middleware.WhiteNoiseMiddleware"
        in __import__("django.conf").conf.settings.MIDDLEWARE
    )


def test_the_frontend_proxies_to_the_web_service():
    stack = compose()
    config = (REPO / "cms" / "nginx.conf").read_text()

    assert (
        "./cms/nginx.conf:/etc/nginx/conf.d/default.conf:ro"
        in stack["services"]["frontend"]["volumes"]
    )
    assert "server web:8000;" in config


def test_web_can_scale_behind_nginx_which_keeps_metrics_internal():
    """`docker compose up --scale web=3`: no replica claims a fixed host port, nginx spreads
    requests over them, and /metrics is not reachable from outside."""
    web = compose()["services"]["web"]
    config = (REPO / "cms" / "nginx.conf").read_text()

    assert "ports" not in web
    assert web["expose"] == ["8000"]
    assert "location = /metrics {\n        return 404;" in config


def test_migrations_run_once_in_their_own_service_before_any_replica_starts():
    """`--scale web=3` starts three web containers at once: none of them migrates (they would
    race); the one-shot `migrate` service does, and everything on the database waits for it
    to have succeeded."""
    services = compose()["services"]
    migrate = services["migrate"]

    assert " ".join(migrate["command"]).count("manage.py migrate --noinput") == 1
    assert migrate["restart"] == "no"  # the anchor's `unless-stopped` would run it forever
    assert migrate["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in ("web", "worker", "scheduler"):
        assert "migrate" not in str(services[name]["command"]), name
        condition = services[name]["depends_on"]["migrate"]["condition"]
        assert condition == "service_completed_successfully", name
    others = [name for name, service in services.items() if name != "migrate"]
    assert not [
        name for name in others if "manage.py migrate" in str(services[name].get("command"))
    ]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migrate_service_prepares_a_new_database_and_can_run_again():
    """The service's own command on a new PostgreSQL database: it migrates and sets the portal
    up, and running it again (every `docker compose up`) changes nothing and succeeds."""
    from django.db import connection

    name = f"{connection.settings_dict['NAME']}_migrate"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    env = production_env(shared_database_url().rsplit("/", 1)[0] + f"/{name}")
    env["PATH"] = f"{Path(PYTHON).parent}{os.pathsep}{env['PATH']}"  # `python` is this venv's
    command = compose()["services"]["migrate"]["command"]
    try:
        runs = [
            subprocess.run(  # noqa: S603 - the service's command from docker-compose.yml
                command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600
            )
            for _ in range(2)
        ]
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr[-3000:]
    assert "No migrations to apply" in runs[1].stdout
