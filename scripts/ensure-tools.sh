#!/usr/bin/env bash
# Installs what building and testing wxlint needs, and only what is missing (idempotent):
#   - the wasm32-unknown-unknown Rust target
#   - wasm-pack 0.15.1                       (cargo install; ~3.5 min the first time)
#   - wasm-bindgen-cli at the version Cargo.toml pins for the wasm-bindgen crate (~2.5 min)
#   - Debian's chromium, chromium-driver, chromium-l10n, firefox-esr, a CJK font and
#     poppler-utils, and geckodriver from crates.io (for the headless browser tests)
#   - the npm dev dependencies (npm ci): binaryen's wasm-opt 132, Playwright, benchmark peers
# and puts node_modules/.bin first on PATH, so that wasm-pack runs binaryen's wasm-opt (Debian's
# binaryen is too old and makes modules that fail to load).
#
# Source it to keep the PATH (scripts/build.sh and scripts/test.sh do):
#     source scripts/ensure-tools.sh
# Running it (bash scripts/ensure-tools.sh) installs the same but cannot change your shell's PATH.
#
# Only crates.io, npm, PyPI and Debian's packages are reachable: nothing here downloads anything
# else (wasm-pack finds wasm-bindgen and wasm-opt on PATH and so downloads neither).

WXLINT_WASM_PACK_VERSION=0.15.1

_wxlint_say() { printf '[ensure-tools] %s\n' "$*"; }

wxlint_ensure_tools() {
    local root sudo pin have
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive

    # Rust: rustup puts cargo in ~/.cargo/bin, which a non-login shell may not have on PATH.
    if [ -d "${CARGO_HOME:-$HOME/.cargo}/bin" ]; then
        case ":$PATH:" in
            *":${CARGO_HOME:-$HOME/.cargo}/bin:"*) ;;
            *) export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH" ;;
        esac
    fi
    if ! command -v cargo >/dev/null 2>&1; then
        _wxlint_say "cargo not found: install Rust with rustup first"
        return 1
    fi

    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        _wxlint_say "ok: Rust target wasm32-unknown-unknown"
    else
        _wxlint_say "installing the Rust target wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown || return 1
    fi

    if command -v wasm-pack >/dev/null 2>&1; then
        _wxlint_say "ok: $(wasm-pack --version)"
    else
        _wxlint_say "installing wasm-pack $WXLINT_WASM_PACK_VERSION (cargo install, a few minutes)"
        cargo install wasm-pack --version "$WXLINT_WASM_PACK_VERSION" || return 1
    fi

    # The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate, which
    # Cargo.toml pins with "=x.y.z". No --locked: a locked dependency is missing from crates.io.
    pin="$(sed -n -E 's/^wasm-bindgen[[:space:]]*=[[:space:]]*"=?([0-9][0-9.]*)".*/\1/p' "$root/Cargo.toml" | head -n1)"
    if [ -z "$pin" ]; then
        _wxlint_say "cannot read the wasm-bindgen version from Cargo.toml (expected: wasm-bindgen = \"=0.2.x\")"
        return 1
    fi
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || have=""
    if [ "$have" = "$pin" ] && command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
        _wxlint_say "ok: wasm-bindgen $have"
    else
        _wxlint_say "installing wasm-bindgen-cli $pin (have: ${have:-none}; cargo install, a few minutes)"
        cargo install wasm-bindgen-cli --version "$pin" || return 1
        have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || have=""
        if [ "$have" != "$pin" ]; then
            _wxlint_say "wasm-bindgen on PATH ($(command -v wasm-bindgen)) is still ${have:-missing}, not $pin"
            return 1
        fi
    fi

    # Browsers for the tests: Chromium with its driver and its zh-CN locale (the extension's UI
    # is tested in Chinese), a CJK font for screenshots, and Firefox ESR for the smoke test.
    if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
        && [ -f /usr/lib/chromium/locales/zh-CN.pak ] && [ -x /usr/bin/firefox-esr ] \
        && fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" && command -v pdftotext >/dev/null 2>&1; then
        _wxlint_say "ok: $(/usr/bin/chromium --version 2>/dev/null | head -n1), chromedriver, firefox-esr, CJK font, pdftotext"
    else
        # poppler-utils: pdftotext reads the review sheet's PDF pages in the e2e tests.
        _wxlint_say "installing Debian's chromium, chromium-driver, chromium-l10n, firefox-esr, fonts-wqy-microhei, poppler-utils (apt-get)"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            chromium chromium-driver chromium-l10n firefox-esr fonts-wqy-microhei fontconfig poppler-utils </dev/null || return 1
    fi

    # geckodriver is not in Debian; crates.io has it (the Firefox smoke test skips without it).
    if command -v geckodriver >/dev/null 2>&1; then
        _wxlint_say "ok: $(geckodriver --version 2>/dev/null | head -n1)"
    else
        _wxlint_say "installing geckodriver (cargo install, about 2 minutes)"
        cargo install geckodriver || return 1
    fi

    if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
        _wxlint_say "installing Node.js and npm (apt-get)"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm </dev/null || return 1
    fi

    # npm ci when node_modules is missing or older than the lock file.
    if [ ! -f "$root/node_modules/.package-lock.json" ] \
        || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
        _wxlint_say "installing the npm dev dependencies (npm ci)"
        (cd "$root" && npm ci --no-audit --no-fund) || return 1
    else
        _wxlint_say "ok: node_modules (node $(node --version))"
    fi

    case "$PATH" in
        "$root/node_modules/.bin:"*) ;;
        *) export PATH="$root/node_modules/.bin:$PATH" ;;
    esac
    if [ "$(command -v wasm-opt)" != "$root/node_modules/.bin/wasm-opt" ]; then
        _wxlint_say "wasm-opt on PATH is $(command -v wasm-opt || echo none), not binaryen's from node_modules"
        return 1
    fi
    _wxlint_say "ok: $(wasm-opt --version) first on PATH"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    wxlint_ensure_tools
else
    wxlint_ensure_tools || return 1
fi
