#!/usr/bin/env bash
# Installs what the webhook tests need beyond requirements.txt: Debian's nodejs, which runs the
# JavaScript signature verifiers (tests/webhooks/test_signing.py, test_readme_examples.py).
set -euo pipefail

if ! command -v node >/dev/null; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends nodejs
fi

node --version
