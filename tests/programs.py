"""Programs some tests need beyond Python: node, chromium and poppler's pdftoppm.

A missing program skips its tests with the reason and how to install it, which keeps a laptop's
`make test` green; `.ci/run` sets REQUIRE_NODE, REQUIRE_CHROMIUM and REQUIRE_PDFTOPPM, so on CI a
missing program fails those tests instead of letting them pass by skipping (as
REQUIRE_SEARCH_ENGINE does for the search engine and REQUIRE_REDIS for the shared cache).
"""

import os
import shutil
from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Program:
    name: str
    variable: str  # the environment variable that makes the program required
    install: str  # how to get it, for the skip or failure message
    path: str | None = None  # a fixed path instead of a PATH lookup

    def find(self) -> str | None:
        if self.path is not None:
            return self.path if os.access(self.path, os.X_OK) else None
        return shutil.which(self.name)

    def require(self) -> str:
        """The program's path; else skip the test, or fail it when the program is required."""
        found = self.find()
        if found:
            return found
        reason = f"{self.path or self.name} is not installed ({self.install})"
        if os.environ.get(self.variable):
            pytest.fail(f"{self.variable} is set but {reason}")
        pytest.skip(reason)


NODE = Program("node", "REQUIRE_NODE", "bash .ci/node.sh installs Debian's nodejs")
# Playwright drives Debian's chromium at this path; it never downloads a browser of its own.
CHROMIUM = Program(
    "chromium",
    "REQUIRE_CHROMIUM",
    "bash .ci/browser.sh installs it",
    path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"),
)
PDFTOPPM = Program("pdftoppm", "REQUIRE_PDFTOPPM", "bash .ci/print.sh installs poppler-utils")
