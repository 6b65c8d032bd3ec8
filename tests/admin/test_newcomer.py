"""`make run` for a newcomer: the demo load is quiet and mails nobody, and the welcome box
shows every URL and each demo account with its password."""

import contextlib
import io
import os
import tempfile
from pathlib import Path
from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.test import TestCase, override_settings

from demo.community import DEMO_USERS
from demo.welcome import remember_passwords, welcome_box


class QuietDemoLoadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.out = io.StringIO()
        with mock.patch.dict(os.environ, {"DEMO_PASSWORD": "같은-비밀번호"}):
            # The test backend would keep mail in mail.outbox; the loader must send none.
            mail.outbox = []  # what earlier tests sent is not the loader's
            call_command("load_demo_content", verbosity=0, stdout=cls.out)
        cls.sent = list(mail.outbox)

    def test_prints_nothing_and_mails_nobody(self):
        self.assertEqual(self.out.getvalue(), "")
        self.assertEqual([(m.subject, m.to) for m in self.sent], [])


class WelcomeBoxTests(TestCase):
    def test_box_lists_urls_and_every_account_with_its_password(self):
        with self.settings_with_accounts_file() as path:
            remember_passwords({"editor": "pw-editor-1"})
            remember_passwords({"blogger": "pw-blogger-2"})  # a later run keeps the first
            box = welcome_box("http://127.0.0.1:8123")
            self.assertEqual(oct(path.stat().st_mode & 0o777), "0o600")

        for url in ("/admin/", "/api/v2/pages/", "/api/docs/", "/frontend/"):
            self.assertIn(f"http://127.0.0.1:8123{url}", box)
        for spec in DEMO_USERS:
            self.assertIn(spec["username"], box)
        self.assertIn("pw-editor-1", box)
        self.assertIn("pw-blogger-2", box)
        self.assertIn("changepassword reviewer", box)  # unknown password: how to set one
        lines = box.splitlines()
        self.assertTrue(lines[0].startswith("┌") and lines[-1].startswith("└"))

    @contextlib.contextmanager
    def settings_with_accounts_file(self):
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / ".run" / "demo-accounts.json"
            with override_settings(DEMO_ACCOUNTS_FILE=path):
                yield path
