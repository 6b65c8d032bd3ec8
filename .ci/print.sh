#!/usr/bin/env bash
# Installs what the print-edition tests need beyond requirements.txt: poppler's pdftoppm, which
# renders the report PDFs to PNG pages (tests/report_print/test_render.py). Typst and the
# Korean fonts come from PyPI; nothing here is needed to build a PDF.
set -euo pipefail

if ! command -v pdftoppm >/dev/null; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends poppler-utils
fi

pdftoppm -v 2>&1 | sed -n 1p  # sed reads all input: `head` would end pdftoppm with SIGPIPE (141) under pipefail
