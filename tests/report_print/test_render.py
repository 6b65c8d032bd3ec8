"""A demo edition's PDF renders to page images (poppler's pdftoppm), kept as test artifacts."""

import subprocess
from pathlib import Path

from django.test import TestCase
from PIL import Image

from report_print.builder import build_public_pdf
from tests.programs import PDFTOPPM

from .content import build_demo_edition

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "print"


class RenderTests(TestCase):
    def test_every_page_renders_and_the_cover_is_printed_in_colour(self):
        pdftoppm = PDFTOPPM.require()
        record = build_public_pdf(build_demo_edition(2017).pk).record
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for old in ARTIFACTS.glob("edition-2017-*.png"):
            old.unlink()
        pdf = ARTIFACTS / "edition-2017.pdf"
        with record.file.open("rb") as handle:
            pdf.write_bytes(handle.read())
        subprocess.run(  # noqa: S603 - a fixed local program on our own file
            [pdftoppm, "-r", "60", "-png", str(pdf), str(ARTIFACTS / "edition-2017")],
            check=True,
            timeout=120,
        )
        pages = sorted(ARTIFACTS.glob("edition-2017-*.png"))
        assert len(pages) == record.page_count
        cover = Image.open(pages[0]).convert("RGB")
        # The cover is a full-bleed colour field; a blank or failed render would be white.
        r, g, b = cover.resize((1, 1)).getpixel((0, 0))
        assert max(r, g, b) < 160
