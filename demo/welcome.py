"""What a newcomer sees when `make run` is ready: one box with the URLs and the demo accounts.

The demo passwords are random and only known when `load_demo_content` creates the accounts;
on a development machine (settings.DEMO_ACCOUNTS_FILE, under the git-ignored .run/) they are
kept in an owner-only file so every `make run` can show them again.
"""

import json
import os
import unicodedata
from pathlib import Path

from django.conf import settings

from demo.community import DEMO_USERS


def _accounts_file() -> Path | None:
    return getattr(settings, "DEMO_ACCOUNTS_FILE", None)


def remember_passwords(passwords: dict[str, str]) -> None:
    """Keep newly created demo passwords for the welcome box (development machines only)."""
    path = _accounts_file()
    if path is None or not passwords:
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    known = json.loads(path.read_text()) if path.exists() else {}
    known.update(passwords)
    # Created owner-only before anything is written to it.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        json.dump(known, file, ensure_ascii=False, indent=2)


def remembered_passwords() -> dict[str, str]:
    path = _accounts_file()
    if path is None or not Path(path).exists():
        return {}
    return json.loads(Path(path).read_text())


def _width(text: str) -> int:
    """Columns a terminal gives the text: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def welcome_box(base_url: str) -> str:
    """The box printed once the server answers: where to go and how to sign in."""
    passwords = remembered_passwords()
    lines = [
        "서울시 패밀리 포털 CMS가 준비되었습니다",
        "",
        f"관리자      {base_url}/admin/",
        f"API         {base_url}/api/v2/pages/",
        f"API 문서    {base_url}/api/docs/",
        f"프런트엔드  {base_url}/frontend/",
        "",
        "데모 계정 (사용자 / 비밀번호 / 역할)",
    ]
    for spec in DEMO_USERS:
        username = spec["username"]
        role = spec["group"] or "최고 관리자"
        password = passwords.get(username, "(모름: manage.py changepassword " + username + ")")
        lines.append(f"  {_pad(username, 10)} {_pad(password, 18)} {role}")
    lines += ["", "Ctrl-C로 멈춥니다."]
    width = max(_width(line) for line in lines)
    border = "─" * (width + 2)
    body = [f"│ {_pad(line, width)} │" for line in lines]
    return "\n".join([f"┌{border}┐", *body, f"└{border}┘"])
