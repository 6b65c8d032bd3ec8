"""Burst benchmark: 500 parents apply for 20 seats the moment a program opens.

    .venv/bin/python bench/apply_burst_bench.py                                    # SQLite
    .venv/bin/python bench/apply_burst_bench.py --database "$(bash .ci/postgres.sh)"   # PostgreSQL
    .venv/bin/python bench/apply_burst_bench.py --sessions 3   # 3 sessions of 20 seats each

Serves the portal as production does (gunicorn, cms/gunicorn.conf.py, production settings via
bench/load_settings.py, redis-server as the shared cache) on 127.0.0.1, opens a fresh program
with `--seats` seats and a waitlist large enough for everyone, and sends `--applicants`
applications at once, each on its own connection, from its own visitor address (X-Real-IP,
as behind compose's nginx) and phone number, so quotas stay at production defaults.

Printed: statuses; confirmed / waitlisted; 5xx or no answer; lost (answered 201 but not
stored); duplicates (stored twice, or stored without a 201); whether the stored arrival
order is contiguous with every confirmed before every waitlisted; latency p50/p95/p99/max.
PostgreSQL: a database `portal_apply_bench` is created if missing. Prints figures; asserts
nothing.
"""

import argparse
import asyncio
import functools
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.harness import (
    RESULTS,
    ROOT,
    ensure_postgres_database,
    free_port,
    load_average,
    portal_env,
    summary,
    visitor_ip,
)

print = functools.partial(print, flush=True)


def database_url(argument: str, name: str) -> str:
    if not argument:
        return f"sqlite:///{RESULTS / 'apply-bench.sqlite3'}"
    return urlunsplit(urlsplit(argument)._replace(path=f"/{name}"))


def django(env: dict[str, str], script: str) -> str:
    """Run `script` after django.setup() with the server's settings; its standard output."""
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", f"import django; django.setup()\n{script}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(result.stderr[-3000:])
    return result.stdout


def open_program(env: dict[str, str], seats: int, waitlist: int, sessions: int) -> list[int]:
    """Migrate, lay out the portal and add a program opening today: its page id, then the
    ids of its `sessions` sessions of `seats` seats each."""
    script = f"""
import datetime
from django.core.management import call_command
call_command("migrate", verbosity=0)
call_command("setup_portal", verbosity=0)
from pages.models import EducationProgramPage, SectionKind, SectionPage
today = datetime.date.today()
school = SectionPage.objects.get(kind=SectionKind.FAMILY_SCHOOL)
program = EducationProgramPage(
    title=f"아버지교육 벤치 {{datetime.datetime.now():%H%M%S}}", intro="벤치용 프로그램",
    start_date=today + datetime.timedelta(days=14), end_date=today + datetime.timedelta(days=14),
    venue="서울가족학교", capacity={seats}, application_start=today,
    application_end=today + datetime.timedelta(days=7), accepts_applications=True,
    waitlist_limit={waitlist},
)
school.add_child(instance=program)
program.save_revision().publish()
from pages.models import ProgramSession
ids = [
    ProgramSession.objects.create(
        program=program, sort_order=n, title=f"{{n + 1}}회차", capacity={seats},
        date=today + datetime.timedelta(days=14 + 7 * n),
    ).pk
    for n in range({sessions})
]
print(" ".join(str(pk) for pk in [program.pk, *ids]))
"""
    return [int(pk) for pk in django(env, script).strip().splitlines()[-1].split()]


def stored(env: dict[str, str], program_id: int) -> list[dict]:
    script = (
        "import json\nfrom applications.models import Application\n"
        f"rows = Application.objects.filter(program_id={program_id}).order_by('position')"
        ".values('receipt_number', 'status', 'position', 'session_id')\n"
        "print(json.dumps(list(rows)))\n"
    )
    return json.loads(django(env, script))


async def apply(
    client: httpx.AsyncClient, url: str, n: int, session: int | None
) -> tuple[int, float, dict]:
    payload = {
        "name": f"벤치{n}",
        "phone": f"010-7{n // 1000 % 10}{n // 100 % 10}{n // 10 % 10}-{n % 10000:04d}",
        "consent_personal_data": True,
        "session": session,
    }
    started = time.perf_counter()
    try:
        response = await client.post(url, json=payload, headers={"X-Real-IP": visitor_ip(n)})
    except httpx.HTTPError:
        return 0, time.perf_counter() - started, {}
    seconds = time.perf_counter() - started
    try:
        body = response.json()
    except ValueError:
        body = {}
    return response.status_code, seconds, body


async def burst(url: str, count: int, sessions: list[int]) -> list[tuple[int, float, dict]]:
    limits = httpx.Limits(max_connections=count, max_keepalive_connections=0)
    async with httpx.AsyncClient(limits=limits, timeout=180) as client:
        return await asyncio.gather(
            *(
                apply(client, url, n, sessions[n % len(sessions)] if sessions else None)
                for n in range(count)
            )
        )


def in_arrival_order(rows: list[dict]) -> bool:
    """Every confirmed got the lock before every waitlisted (rows ordered by position)."""
    statuses = [row["status"] for row in rows]
    confirmed = statuses.count("confirmed")
    return statuses == ["confirmed"] * confirmed + ["waitlisted"] * (len(rows) - confirmed)


def report(results, rows: list[dict], seats: int, elapsed: float, sessions: list[int]) -> None:
    statuses: dict[int, int] = {}
    for status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    accepted = [body for status, _, body in results if status == 201]
    receipts = [body["receipt_number"] for body in accepted]
    stored_receipts = [row["receipt_number"] for row in rows]
    confirmed = sum(row["status"] == "confirmed" for row in rows)
    waitlisted = sum(row["status"] == "waitlisted" for row in rows)
    server_errors = sum(n for status, n in statuses.items() if status >= 500 or status == 0)
    lost = len(set(receipts) - set(stored_receipts))
    duplicates = (len(stored_receipts) - len(set(stored_receipts))) + len(
        set(stored_receipts) - set(receipts)
    )
    positions = [row["position"] for row in rows]
    in_order = positions == list(range(1, len(rows) + 1)) and all(
        in_arrival_order([row for row in rows if row["session_id"] == session])
        for session in sessions or [None]
    )
    per_session = {
        session: sum(r["status"] == "confirmed" for r in rows if r["session_id"] == session)
        for session in sessions or [None]
    }
    latency = summary([seconds * 1000 for status, seconds, _ in results if status])
    print(f"{len(results)} applications at once in {elapsed:.1f} s — statuses {statuses}")
    print(
        f"  confirmed {confirmed} (seats {seats * max(len(sessions), 1)}), waitlisted "
        f"{waitlisted}, 5xx/no answer {server_errors}, lost {lost}, duplicates {duplicates}, "
        f"arrival order kept: {in_order}"
    )
    for number, session in enumerate(sessions, start=1):
        mine = [row for row in rows if row["session_id"] == session]
        print(
            f"  {number}회차: confirmed {per_session[session]} (seats {seats}), waitlisted "
            f"{len(mine) - per_session[session]}, order kept: {in_arrival_order(mine)}"
        )
    print(
        f"  latency p50 {latency['p50']:.0f} ms, p95 {latency['p95']:.0f} ms, "
        f"p99 {latency['p99']:.0f} ms, max {latency['max']:.0f} ms"
    )
    exact = all(count == seats for count in per_session.values())
    ok = exact and not server_errors and not lost and not duplicates and in_order
    where = " per session" if sessions else ""
    verdict = "OK" if ok else "FAILED"
    print(f"  {verdict}: exactly {seats} confirmed{where}, the rest waitlisted in order")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    server_default = os.environ.get("DATABASE_URL", "")
    parser.add_argument(
        "--database",
        default=server_default if server_default.startswith("postgres") else "",
        help="a postgres:// URL; SQLite under bench/results/ if empty",
    )
    parser.add_argument("--applicants", type=int, default=500)
    parser.add_argument("--seats", type=int, default=20, help="per session with --sessions")
    parser.add_argument("--sessions", type=int, default=0, help="sessions (모집 회차); 0: none")
    parser.add_argument("--db-name", default="portal_apply_bench", help="PostgreSQL database")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    url = database_url(args.database, args.db_name)
    if url.startswith("postgres"):
        ensure_postgres_database(url)
    port, redis_port = free_port(), free_port()
    base = f"http://127.0.0.1:{port}"
    redis_env = {**os.environ, "REDIS_PORT": str(redis_port)}
    redis = ["bash", ".ci/redis.sh"]
    cache_url = subprocess.run(  # noqa: S603
        redis, cwd=ROOT, env=redis_env, capture_output=True, text=True, check=True
    ).stdout.strip()
    env = {**portal_env(url, cache_url, base), "LOG_LEVEL": "ERROR"}
    log = (RESULTS / f"apply-bench-{port}.log").open("w", encoding="utf-8")
    server = None
    try:
        program_id, *sessions = open_program(
            env, args.seats, waitlist=args.applicants, sessions=args.sessions
        )
        command = [
            sys.executable, "-m", "gunicorn", "cms.wsgi:application",
            "--config", "cms/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
        ]  # fmt: skip
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603
        deadline = time.monotonic() + 180
        while True:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not start (see {log.name})")
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        label = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        print(
            f"database {label}, gunicorn {env['GUNICORN_WORKERS']} workers x 4 threads, cache "
            f"redis-server; quotas at production defaults, one visitor address per applicant"
        )
        print(f"load average before: {load_average()}")
        started = time.perf_counter()
        apply_url = f"{base}/api/v2/applications/programs/{program_id}/"
        results = asyncio.run(burst(apply_url, args.applicants, sessions))
        elapsed = time.perf_counter() - started
        report(results, stored(env, program_id), args.seats, elapsed, sessions)
        print(f"load average after: {load_average()}")
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        subprocess.run([*redis, "stop"], cwd=ROOT, env=redis_env, check=False)  # noqa: S603


if __name__ == "__main__":
    main()
