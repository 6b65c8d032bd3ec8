"""The partners page's signature-verification examples verify our signatures (docs/partners.md)."""

import json
import re
import subprocess
import time

from django.conf import settings

from tests.programs import NODE
from webhooks.signing import generate_secret, signed_headers

BODY = '{"id":"evt_3","type":"page.deleted","data":{"path":"/가족정보/"}}'.encode()


def documented_example(language: str) -> str:
    page = (settings.BASE_DIR / "docs" / "partners.md").read_text()
    webhooks = page[page.index("## Webhooks") :]
    return re.search(rf"```{language}\n(.*?)```", webhooks, re.DOTALL).group(1)


def test_python_example_verifies_and_rejects():
    namespace: dict = {}
    exec(documented_example("python"), namespace)  # noqa: S102 - our own documentation
    secret = generate_secret()
    headers = signed_headers(secret, "evt_3", int(time.time()), BODY)
    assert namespace["verify"](secret, headers, BODY)
    assert not namespace["verify"](secret, headers, BODY + b" ")
    assert not namespace["verify"](generate_secret(), headers, BODY)


def test_javascript_example_verifies_and_rejects():
    node = NODE.require()
    secret = generate_secret()
    headers = signed_headers(secret, "evt_3", int(time.time()), BODY)
    script = documented_example("js") + (
        "const [secret, headers, body] = JSON.parse(require('fs').readFileSync(0));"
        "const tampered = verify(secret, headers, body + ' ');"
        "console.log(JSON.stringify([verify(secret, headers, body), tampered]));"
    )
    result = subprocess.run(  # noqa: S603 - our own documentation's example
        [node, "-e", script],
        input=json.dumps([secret, headers, BODY.decode()]).encode(),
        capture_output=True,
        timeout=30,
        check=True,
    )
    assert json.loads(result.stdout) == [True, False]
