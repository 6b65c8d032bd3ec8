"""The app push senders sign with the key type their service expects (APNs ES256, FCM RS256)
and refuse any other key with a clear configuration error, before anything is sent."""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa, utils
from django.core.exceptions import ImproperlyConfigured

from notifications.push import ApnsAppPushSender, FcmAppPushSender


def pem(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@pytest.fixture
def apns_key_file(tmp_path, settings):
    def write(key) -> None:
        path = tmp_path / "AuthKey.p8"
        path.write_bytes(pem(key))
        settings.APNS_KEY_FILE = str(path)
        settings.APNS_KEY_ID, settings.APNS_TEAM_ID = "KEY1234567", "TEAM123456"

    return write


@pytest.fixture
def fcm_account_file(tmp_path, settings):
    def write(key) -> None:
        path = tmp_path / "service-account.json"
        account = {
            "project_id": "seoul-family",
            "client_email": "push@seoul-family.iam.gserviceaccount.com",
            "private_key": pem(key).decode(),
        }
        path.write_text(json.dumps(account), encoding="utf-8")
        settings.FCM_SERVICE_ACCOUNT_FILE = str(path)

    return write


def test_apns_provider_token_is_es256_signed_with_the_key_file(apns_key_file):
    key = ec.generate_private_key(ec.SECP256R1())
    apns_key_file(key)

    header, claims, signature = ApnsAppPushSender().provider_token().split(".")

    assert json.loads(unb64url(header)) == {"alg": "ES256", "kid": "KEY1234567"}
    assert json.loads(unb64url(claims))["iss"] == "TEAM123456"
    raw = unb64url(signature)
    der = utils.encode_dss_signature(int.from_bytes(raw[:32]), int.from_bytes(raw[32:]))
    key.public_key().verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))


def test_apns_refuses_a_key_that_is_not_elliptic_curve(apns_key_file):
    apns_key_file(rsa.generate_private_key(public_exponent=65537, key_size=2048))

    with pytest.raises(ImproperlyConfigured, match="elliptic-curve"):
        ApnsAppPushSender()


@pytest.fixture
def token_service(monkeypatch):
    """A loopback OAuth token endpoint recording the assertions it is sent."""
    assertions: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            assertions.append(parse_qs(body)["assertion"][0])
            answer = json.dumps({"access_token": "ya29.loopback", "expires_in": 3600}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setattr(FcmAppPushSender, "_access_token", ("", 0.0))
    monkeypatch.setattr(
        FcmAppPushSender, "token_url", f"http://127.0.0.1:{server.server_address[1]}/token"
    )
    yield assertions
    server.shutdown()
    server.server_close()


def test_fcm_exchanges_an_rs256_assertion_for_an_access_token(fcm_account_file, token_service):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    fcm_account_file(key)

    assert FcmAppPushSender().access_token() == "ya29.loopback"

    [assertion] = token_service
    header, claims, signature = assertion.split(".")
    assert json.loads(unb64url(header))["alg"] == "RS256"
    key.public_key().verify(
        unb64url(signature), f"{header}.{claims}".encode(), padding.PKCS1v15(), hashes.SHA256()
    )


def test_fcm_refuses_a_service_account_key_that_is_not_rsa(fcm_account_file, token_service):
    fcm_account_file(ec.generate_private_key(ec.SECP256R1()))

    with pytest.raises(ImproperlyConfigured, match="RSA"):
        FcmAppPushSender().access_token()
    assert token_service == []
