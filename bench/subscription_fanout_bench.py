"""Subscriptions fan-out: N Web Push subscribers of one list notified through the real worker.

A fresh SQLite database (WAL) gets the portal tree and N browser push subscriptions on one
subscriber list; a page is published; the real task workers (`manage.py db_worker --backend
background`, as docker-compose.yml runs it) fan the alert out in batches, encrypt each message
(RFC 8291), sign it (VAPID) and POST it to a push service on loopback that answers 201. The
figure is the time from the publish to the last delivery recorded, and the push service's count.

    .venv/bin/python bench/subscription_fanout_bench.py --subscribers 10000 --workers 2

Target (issue 24): 10,000 subscribers within 5 minutes on 2 cores.
"""

import argparse
import base64
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class PushService:
    """Answers 201 to every push, counting them."""

    def __init__(self):
        self.count = 0
        self.last_at = 0.0
        self.lock = threading.Lock()
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with service.lock:
                    service.count += 1
                    service.last_at = time.monotonic()
                self.send_response(201)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def vapid_private_key() -> str:
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    return b64url(key.private_numbers().private_value.to_bytes(32, "big"))


def environment(database: Path, push: PushService) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DEBUG="false",
        DATABASE_URL=f"sqlite:///{database}?timeout=30&transaction_mode=IMMEDIATE",
        BACKGROUND_TASK_BACKEND="background",
        OUTBOUND_ALLOWED_HOSTS="127.0.0.1",
        WEBPUSH_ALLOW_HTTP_ENDPOINTS="true",
        WEBPUSH_VAPID_PRIVATE_KEY=vapid_private_key(),
        CACHE_URL="locmemcache://",
        SUBSCRIPTIONS_DAILY_CAP="1000",
    )
    return env


def seed(count: int, push: PushService) -> int:
    """The portal tree, one list and `count` push subscribers on it; returns the list id."""
    import json

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    from pages.portal_tree import ensure_portal_tree
    from subscriptions.lists import list_for
    from subscriptions.models import Channel, Subscriber, Subscription
    from subscriptions.services import address_hash

    ensure_portal_tree()
    subscriber_list = list_for({"section": "family-info"})
    public = ec.generate_private_key(ec.SECP256R1()).public_key()
    p256dh = b64url(
        public.public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
    )
    now = timezone.now()
    subscribers = []
    for number in range(count):
        endpoint = f"{push.url}/push/{number}"
        address = {"endpoint": endpoint, "p256dh": p256dh, "auth": b64url(os.urandom(16))}
        subscribers.append(
            Subscriber(
                channel=Channel.WEB_PUSH,
                address_hash=address_hash(Channel.WEB_PUSH, endpoint),
                address=json.dumps(address),
                confirmed_at=now,
            )
        )
    created = Subscriber.objects.bulk_create(subscribers, batch_size=1000)
    Subscription.objects.bulk_create(
        [
            Subscription(subscriber=s, subscriber_list=subscriber_list, confirmed_at=now)
            for s in created
        ],
        batch_size=1000,
    )
    return subscriber_list.pk


def publish_article():
    from django.db import transaction

    from pages.models import ArticlePage, SectionKind, SectionPage

    section = SectionPage.objects.get(kind=SectionKind.FAMILY_INFO)
    page = ArticlePage(title="구독 알림 벤치 글", slug=f"bench-{int(time.time())}", intro="벤치")
    with transaction.atomic():
        section.add_child(instance=page)
        page.save_revision().publish()
    return page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()

    push = PushService()
    workdir = Path(tempfile.mkdtemp(prefix="subscription-bench-"))
    database = workdir / "bench.sqlite3"
    import sqlite3

    sqlite3.connect(database).execute("PRAGMA journal_mode=WAL").close()
    os.environ.update(environment(database, push))
    import django

    django.setup()
    started = time.monotonic()
    seed(args.subscribers, push)
    print(f"준비: 구독자 {args.subscribers:,}명, {time.monotonic() - started:.1f}초")

    workers = [
        subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--backend",
                "background",
                "--no-reload",
                "--interval",
                "0.2",
            ],
            cwd=ROOT,
            env=dict(os.environ),
        )
        for _ in range(args.workers)
    ]
    try:
        from infra.models import Lease
        from subscriptions.models import Alert, Delivery, DeliveryStatus

        deadline = time.monotonic() + 120
        while Lease.objects.count() < args.workers and time.monotonic() < deadline:
            time.sleep(0.5)  # each worker holds a lease on itself once it runs

        load_before = os.getloadavg()
        published = time.monotonic()
        page = publish_article()
        alert = None
        done = 0
        while time.monotonic() - published < args.timeout:
            alert = alert or Alert.objects.filter(page=page).first()
            if alert is not None and alert.fanned_out_at is None:
                alert.refresh_from_db()
            if alert is not None and alert.fanned_out_at is not None:
                done = (
                    Delivery.objects.filter(alert=alert)
                    .exclude(status=DeliveryStatus.PENDING)
                    .count()
                )
                if done >= args.subscribers:
                    break
            time.sleep(0.5)
        elapsed = time.monotonic() - published
        sent = Delivery.objects.filter(alert=alert, status=DeliveryStatus.SENT).count()
        load_after = os.getloadavg()
        print(f"CPU {os.cpu_count()}개, 실행기 {args.workers}개, 부하 {load_before} → {load_after}")
        print(f"발송 완료 {done:,}/{args.subscribers:,}건 (보냄 {sent:,}), 수신 {push.count:,}건")
        print(f"게시부터 마지막 발송까지 {elapsed:.1f}초 ({done / elapsed:.0f}건/초)")
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
        push.server.shutdown()


if __name__ == "__main__":
    main()
