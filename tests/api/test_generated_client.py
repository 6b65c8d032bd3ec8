"""A Python client generated from /api/schema/ (openapi-python-client) types every page.

The generator runs once per module into a temporary directory (it formats its output
with ruff, found beside this interpreter); the live answers come from the test client.
"""

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from django.test import Client
from wagtail.models import Page

from pages.models import ReportChapterPage

PACKAGE = "portal_api_client"


@pytest.fixture(scope="module")
def generated_client(tmp_path_factory, django_db_setup, django_db_blocker):
    workdir = tmp_path_factory.mktemp("client")
    with django_db_blocker.unblock():
        schema = Client().get("/api/schema/?format=json").json()
    (workdir / "schema.json").write_text(json.dumps(schema, ensure_ascii=False))
    bin_dir = str(Path(sys.executable).parent)
    result = subprocess.run(  # noqa: S603 - our own interpreter's tool, fixed arguments
        [
            str(Path(bin_dir) / "openapi-python-client"),
            "generate",
            "--path",
            str(workdir / "schema.json"),
            "--output-path",
            str(workdir / PACKAGE),
            "--meta",
            "none",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": f"{bin_dir}:{os.environ.get('PATH', '')}"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout, result.stdout
    sys.path.insert(0, str(workdir))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(workdir))
        for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def parse(generated_client, operation: str, django_response):
    """The generated operation's own parsing of a live answer."""
    module = importlib.import_module(f"{PACKAGE}.api.{operation}")
    client = generated_client.Client(base_url="http://testserver")
    response = httpx.Response(
        django_response.status_code,
        content=django_response.content,
        headers={"Content-Type": django_response["Content-Type"]},
    )
    return module._parse_response(client=client, response=response)


def test_every_page_type_parses_into_its_own_class(generated_client, api, content):
    seen = {}
    for page in Page.objects.live().public().specific():
        seen.setdefault(type(page).__name__, page.pk)
    seen.pop("Page", None)  # Wagtail's tree root, never served
    assert len(seen) == 10, seen

    for type_name, page_id in seen.items():
        response = api.get(f"/api/v2/pages/{page_id}/")
        assert response.status_code == 200
        parsed = parse(generated_client, "pages.pages_detail", response)
        assert type(parsed).__name__ == type_name
        assert parsed.meta.type_.value == f"pages.{type_name}"


def test_stream_blocks_parse_into_their_block_classes(generated_client, api, content):
    page_id = ReportChapterPage.objects.live().get().pk
    parsed = parse(generated_client, "pages.pages_detail", api.get(f"/api/v2/pages/{page_id}/"))

    assert [type(block).__name__ for block in parsed.body] == [
        "StatisticsTableBlock",
        "KeyFindingsBlock",
    ]
    chart = parsed.body[0].value.chart
    assert chart.series[0].values == [42.5, 44.6]


def test_sync_items_parse_into_their_page_classes(generated_client, api, content):
    response = api.get("/api/v2/sync/?limit=100")
    parsed = parse(generated_client, "sync.sync", response)

    names = {type(item).__name__ for item in parsed.items}
    assert {"HomePage", "SectionPage", "ArticlePage", "ReportChapterPage"} <= names
