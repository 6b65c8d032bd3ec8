"""Our signatures verify with independent implementations: the `standardwebhooks` package and a
verifier written from the spec in JavaScript (Node's crypto)."""

import json
import subprocess
import time

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from tests.programs import NODE
from webhooks.signing import generate_secret, signed_headers

BODY = json.dumps({"id": "evt_1", "type": "page.published", "data": {"page_id": 3}}).encode()

NODE_VERIFIER = r"""
const crypto = require("crypto");
const [secret, id, timestamp, signatures, body] = JSON.parse(require("fs").readFileSync(0));
const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
const expected = crypto.createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
const ok = signatures.split(" ").some((entry) => {
  const [version, signature] = entry.split(",");
  const given = Buffer.from(signature, "base64");
  return version === "v1" && given.length === expected.length
    && crypto.timingSafeEqual(given, expected);
});
process.exit(ok ? 0 : 1);
"""


def test_standardwebhooks_package_verifies_our_signature():
    secret = generate_secret()
    headers = signed_headers(secret, "evt_1", int(time.time()), BODY)
    assert Webhook(secret).verify(BODY, headers)["data"] == {"page_id": 3}


def test_tampered_body_or_other_secret_fails_verification():
    secret = generate_secret()
    headers = signed_headers(secret, "evt_1", int(time.time()), BODY)
    with pytest.raises(WebhookVerificationError):
        Webhook(secret).verify(BODY.replace(b"3", b"4"), headers)
    with pytest.raises(WebhookVerificationError):
        Webhook(generate_secret()).verify(BODY, headers)


@pytest.mark.parametrize("tamper", [False, True])
def test_javascript_verifier_agrees(tamper):
    node = NODE.require()
    secret = generate_secret()
    headers = signed_headers(secret, "evt_9", int(time.time()), BODY)
    body = BODY.decode() + (" " if tamper else "")
    message = json.dumps(
        [secret, "evt_9", headers["webhook-timestamp"], headers["webhook-signature"], body]
    )
    result = subprocess.run(  # noqa: S603 - fixed script, our own input
        [node, "-e", NODE_VERIFIER], input=message.encode(), timeout=30
    )
    assert result.returncode == (1 if tamper else 0)
