"""Schemathesis against every operation of /api/schema/: no 5xx, no answer off the contract.

It calls the whole Django stack (middleware, URLs, views) in-process through WSGI, on the
API test content (every page type), with positive and negative (schema-breaking) input.
Hypothesis runs derandomized, so a run is repeatable and bounded; rate limits are off.
"""

import time
from collections import Counter, defaultdict

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = {GenerationMode.POSITIVE: 45, GenerationMode.NEGATIVE: 28}
MIN_REQUESTS = 1000


class Run:
    """Counts requests and collects the first failures of each operation."""

    def __init__(self):
        self.requests = 0
        self.operations: set[str] = set()
        self.failures: list[str] = []
        self.statuses: dict[str, Counter] = defaultdict(Counter)

    def exercise(self, operation, mode: GenerationMode) -> None:
        label = f"{operation.label} [{mode.value}]"
        failures_before = len(self.failures)

        @given(case=operation.as_strategy(generation_mode=mode))
        @hypothesis_settings(
            max_examples=EXAMPLES[mode],
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def fuzz(case):
            response = case.call()
            self.requests += 1
            self.statuses[operation.label][response.status_code] += 1
            self.operations.add(operation.label)
            try:
                case.validate_response(response, checks=CHECKS)
            except (AssertionError, BaseExceptionGroup) as failure:
                report = f"{label}: {case.as_curl_command()}\n{failure}"
                if len(self.failures) - failures_before < 3 and report not in self.failures:
                    self.failures.append(report)

        try:
            fuzz()
        except Unsatisfiable:
            assert mode is GenerationMode.NEGATIVE, label  # nothing to break: no parameters


@pytest.fixture
def api_schema(content, settings):
    settings.COUNSELING_SUBMIT_RATE = ""  # rate limits would answer 429 to the fuzzer
    settings.COUNSELING_LOOKUP_RATE = ""
    settings.APPLICATIONS_APPLY_RATE = ""  # per IP: the fuzzer's WSGI requests carry none
    settings.APPLICATIONS_PHONE_RATE = ""
    settings.APPLICATIONS_LOOKUP_RATE = ""
    # Requests go through Django's WSGI handler inside the test's transaction: like Django's
    # own test client, keep the end of each request from closing the test's connection.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_every_operation_keeps_the_contract(api_schema):
    run = Run()
    started = time.monotonic()
    operations = [result.ok() for result in api_schema.get_all_operations()]
    for operation in operations:
        for mode in EXAMPLES:
            run.exercise(operation, mode)

    print(  # noqa: T201 - the figures the contract test reports
        f"schemathesis: {run.requests} requests over {len(run.operations)} operations, "
        f"{len(run.failures)} failures, {time.monotonic() - started:.0f} s"
    )
    for label, statuses in sorted(run.statuses.items()):
        print(f"  {label}: {dict(sorted(statuses.items()))}")  # noqa: T201
    assert run.failures == [], "\n\n".join(run.failures)
    assert run.operations == {operation.label for operation in operations}
    # 22 + 7 subscription operations + feedback + 3 open data + the preview's KWCAG findings
    assert len(operations) == 34
    assert run.requests >= MIN_REQUESTS


# Bugs the fuzzer found, kept fixed ---------------------------------------------------------


@pytest.mark.parametrize("kind", ["images", "documents"])
def test_media_listings_refuse_search_operator_instead_of_failing(api, content, kind):
    response = api.get(f"/api/v2/{kind}/?search=가족&search_operator=x")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
