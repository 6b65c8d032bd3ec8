"""https through the guard: TLS to the vetted address with the host *name* for SNI and for the
certificate check, against a real TLS server on 127.0.0.1 with its own certificate."""

import datetime
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from infra import outbound

LIMITS = outbound.Limits(connect_timeout=1, read_timeout=2, total_timeout=3, max_bytes=10_000)

pytestmark = pytest.mark.skipif(
    socket.getaddrinfo("localhost", 443, type=socket.SOCK_STREAM)[0][4][0] != "127.0.0.1",
    reason="localhost must resolve to 127.0.0.1 first, where the test server listens",
)


def self_signed(tmp_path, name: str) -> tuple[str, str]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_path), str(key_path)


@pytest.fixture
def tls_server(tmp_path, settings):
    cert, key = self_signed(tmp_path, "localhost")
    seen = {"sni": [], "host": []}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen["host"].append(self.headers["Host"])
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args):
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: seen["sni"].append(name)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    settings.OUTBOUND_ALLOWED_HOSTS = ["localhost"]
    yield f"https://localhost:{httpd.server_address[1]}/", cert, seen
    httpd.shutdown()
    httpd.server_close()


def test_an_untrusted_certificate_is_refused(tls_server):
    url, _, seen = tls_server
    with pytest.raises(outbound.Unreachable, match="CERTIFICATE_VERIFY_FAILED"):
        outbound.request("GET", url, limits=LIMITS)
    assert seen["sni"] == ["localhost"]
    assert seen["host"] == []


def test_a_trusted_certificate_is_checked_against_the_name(tls_server, monkeypatch):
    url, cert, seen = tls_server
    monkeypatch.setattr(
        outbound._PinnedTLSConnection, "context", ssl.create_default_context(cafile=cert)
    )

    response = outbound.request("GET", url, limits=LIMITS)

    assert (response.status, response.body, response.address) == (200, b"ok", "127.0.0.1")
    assert seen["sni"] == ["localhost"]
    assert seen["host"] == [url.removeprefix("https://").rstrip("/")]
