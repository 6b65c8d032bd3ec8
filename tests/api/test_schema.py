"""The OpenAPI contract: valid 3.0.3, typed pages and blocks, every operation and example."""

import re

import pytest
from django.contrib.staticfiles import finders
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import OpenAPIV30SpecValidator

from pages.models import ReportChapterPage

OPERATIONS = {
    "/api/v2/pages/": {"get"},
    "/api/v2/pages/{id}/": {"get"},
    "/api/v2/pages/find/": {"get"},
    "/api/v2/navigation/": {"get"},
    "/api/v2/redirects/": {"get"},
    "/api/v2/sync/": {"get"},
    "/api/v2/page_preview/": {"get"},
    "/api/v2/page_preview/accessibility/": {"get"},
    "/api/v2/images/": {"get"},
    "/api/v2/images/{id}/": {"get"},
    "/api/v2/documents/": {"get"},
    "/api/v2/documents/{id}/": {"get"},
    "/api/v2/search/": {"get"},
    "/api/v2/search/suggest/": {"get"},
    "/api/v2/counseling/": {"post"},
    "/api/v2/counseling/{receipt_number}/": {"get", "post"},
    "/api/v2/feedback/": {"post"},
    "/api/v2/partner-items/": {"get"},
    "/api/v2/applications/programs/{program_id}/": {"get", "post"},
    "/api/v2/applications/{receipt_number}/": {"get", "post"},
    "/api/v2/applications/{receipt_number}/cancel/": {"post"},
    "/api/v2/subscriptions/email/": {"post"},
    "/api/v2/subscriptions/devices/": {"post"},
    "/api/v2/subscriptions/devices/me/": {"get", "delete"},
    "/api/v2/subscriptions/devices/me/lists/": {"post"},
    "/api/v2/subscriptions/devices/me/lists/{list_id}/": {"delete"},
    "/api/v2/subscriptions/vapid-key/": {"get"},
    "/api/v2/datasets/": {"get"},
    "/api/v2/datasets/{identifier}.{format}": {"get"},
    "/api/v2/datasets/editions/{year}.zip": {"get"},
}


@pytest.fixture
def schema(api, db) -> dict:
    response = api.get("/api/schema/?format=json")
    assert response.status_code == 200
    return response.json()


def operations(schema: dict):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def validator(schema: dict, target: dict) -> OAS30Validator:
    # The target at the root, beside the components, so its $refs resolve.
    return OAS30Validator({**target, "components": schema["components"]})


def test_schema_is_valid_openapi_3_0(schema):
    assert schema["openapi"] == "3.0.3"
    errors = [error.message for error in OpenAPIV30SpecValidator(schema).iter_errors()]
    assert errors == []


def test_every_endpoint_and_method_is_declared(schema):
    declared = {path: set(item) for path, item in schema["paths"].items()}
    assert declared == OPERATIONS


def test_every_operation_has_an_example_and_json_errors(schema):
    for path, method, operation in operations(schema):
        success = next(status for status in operation["responses"] if status[0] in "23")
        content = operation["responses"][success].get("content", {})
        # Redirects and file downloads (an edition's zip) have no JSON to exemplify.
        if success != "302" and "application/json" in content:
            media = content["application/json"]
            assert "example" in media, f"{method} {path}"
        for status, response in operation["responses"].items():
            if status[0] in "45":
                content = response["content"]["application/json"]
                assert content["schema"] == {"$ref": "#/components/schemas/Error"}, path


def test_examples_match_their_schemas(schema):
    checked = 0
    for path, method, operation in operations(schema):
        for status, response in operation["responses"].items():
            media = response.get("content", {}).get("application/json", {})
            if "example" in media:
                errors = validator(schema, media["schema"]).iter_errors(media["example"])
                assert [e.message for e in errors] == [], f"{method} {path} {status}"
                checked += 1
    assert checked >= len(OPERATIONS)


def test_page_details_are_one_of_the_page_types_told_apart_by_meta_type(schema):
    components = schema["components"]["schemas"]
    variants = [item["$ref"].rsplit("/", 1)[1] for item in components["PageDetail"]["oneOf"]]
    assert len(variants) == 10
    for name in variants:
        meta = components[f"{name}Meta"]
        assert meta["properties"]["type"]["enum"] == [f"pages.{name}"]
        assert "type" in meta["required"]
    detail = schema["paths"]["/api/v2/pages/{id}/"]["get"]["responses"]["200"]
    assert detail["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PageDetail"
    }


def test_stream_fields_list_one_schema_per_block_discriminated_on_type(schema):
    components = schema["components"]["schemas"]
    body = components["ReportChapterPage"]["properties"]["body"]["items"]
    block_names = list(ReportChapterPage.body.field.stream_block.child_blocks)
    assert list(body["discriminator"]["mapping"]) == block_names
    assert len(body["oneOf"]) == len(block_names)
    table = components["StatisticsTableBlock"]
    assert table["properties"]["type"]["enum"] == ["statistics_table"]
    table_value = components["StatisticsTableBlockValue"]["properties"]
    assert table_value["chart_type"]["enum"] == ["", "bar", "line", "pie"]
    assert table_value["chart"]["properties"]["chart_type"]["enum"] == ["bar", "line", "pie"]
    rows = validator(schema, table_value["rows"])
    assert rows.is_valid([["서울", 1.5, None]])
    assert validator(schema, table_value["notes"]).is_valid(None)
    link = components["LinkBlockValue"]["properties"]
    assert set(link) == {"title", "page", "external_url", "url"}
    image = components["ImageWithCaptionBlockValue"]["properties"]["image"]
    assert image["oneOf"][0] == {"$ref": "#/components/schemas/Image"}
    assert validator(schema, image).is_valid(None)


def test_a_block_value_that_breaks_its_schema_is_rejected(schema):
    heading = schema["components"]["schemas"]["HeadingBlock"]
    check = validator(schema, heading)

    def item(value):
        return {"type": "heading", "value": value, "id": "6edbc35b"}

    assert check.is_valid(item({"text": "제목", "level": "h2"}))
    assert not check.is_valid(item({"text": "제목", "level": "h9"}))
    assert not check.is_valid(item({}))


def test_parameters_carry_their_constraints(schema):
    listing = {p["name"]: p for p in schema["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert listing["limit"]["schema"] == {"type": "integer", "minimum": 0, "maximum": 100}
    assert listing["offset"]["schema"]["minimum"] == 0
    assert "pages.NoticePage" in listing["type"]["schema"]["enum"]
    assert listing["section"]["schema"]["enum"][0] == "family-info"
    assert listing["date_from"]["schema"] == {"type": "string", "format": "date"}
    assert {"-first_published_at", "title", "random"} <= set(listing["order"]["schema"]["enum"])
    preview = schema["paths"]["/api/v2/page_preview/"]["get"]["parameters"]
    assert {p["name"] for p in preview if p["required"]} == {"content_type", "token"}
    find = {p["name"] for p in schema["paths"]["/api/v2/pages/find/"]["get"]["parameters"]}
    assert find == {"html_path", "id"}
    search = {p["name"]: p for p in schema["paths"]["/api/v2/search/"]["get"]["parameters"]}
    assert search["q"]["required"] and search["q"]["schema"]["maxLength"] == 100
    assert search["page"]["schema"] == {"type": "integer", "minimum": 1}


def test_redirects_answer_a_list_or_with_path_one_redirect(schema):
    ok = schema["paths"]["/api/v2/redirects/"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"] == {
        "oneOf": [
            {"$ref": "#/components/schemas/RedirectList"},
            {"$ref": "#/components/schemas/Redirect"},
        ]
    }


def test_counseling_submission_documents_body_errors(schema):
    submit = schema["paths"]["/api/v2/counseling/"]["post"]["responses"]
    assert {"201", "400", "413", "415", "429"} <= set(submit)


def test_docs_load_swagger_ui_from_this_site_without_inline_scripts(api, db, settings):
    page = api.get("/api/docs/")

    assert page.status_code == 200
    html = page.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts, html
    assert all('src="' in attributes and not body.strip() for attributes, body in scripts)
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert all(not source.startswith(("http:", "https:", "//")) for source in sources), sources
    for source in sources:
        if source.startswith(settings.STATIC_URL):
            assert finders.find(source.removeprefix(settings.STATIC_URL)), source
    init = api.get(next(source for source in sources if "script" in source))
    assert init.status_code == 200
    assert init["Content-Type"].startswith("application/javascript")
    assert b"/api/schema/" in init.content


def test_nullable_is_only_said_where_a_strict_validator_reads_it(schema):
    """3.0.3: `nullable` widens only a `type` in the same object; beside `allOf`/`oneOf` or a
    `$ref` a strict validator (openapi-core) ignores it, and null is refused."""
    misplaced = []

    def walk(node, where):
        if isinstance(node, dict):
            if node.get("nullable") and "type" not in node:
                misplaced.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    walk(schema, "#")
    assert misplaced == []


def test_every_operation_documents_key_refusal_quota_and_its_headers(schema):
    for path, method, operation in operations(schema):
        answers = operation["responses"]
        assert {"401", "429"} <= set(answers), f"{method} {path}"
        assert answers["429"]["headers"]["Retry-After"]["required"] is True
        success = next(status for status in answers if status[0] in "23")
        assert {"RateLimit", "RateLimit-Policy"} <= set(answers[success]["headers"]), path
        if "requestBody" in operation:
            assert "413" in answers, f"{method} {path}"
