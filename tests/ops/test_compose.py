"""docker-compose.yml describes the stack docs/operations.md describes (.ci/compose.sh: syntax)."""

import yaml
from django.core.management import get_commands

from .helpers import REPO


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


def test_web_migrates_then_serves_with_gunicorn_and_workers_scale_beside_one_scheduler():
    services = compose()["services"]
    web = services["web"]["command"]

    assert web.index("migrate") < web.index("gunicorn cms.wsgi:application")
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
    assert "manage.py setup_portal" in services["web"]["command"]
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
