#!/usr/bin/env bash
# The one place that makes sure the system services Kith's tests use are installed: Redis (fan-out and
# rate-limit tests), Chromium and an emoji font (browser tests) and Dovecot (IMAP sync tests), plus PostgreSQL when called with `postgres`.
# `npm test`, `npm run test:postgres`, the benches and `.ci/run` all call it before anything starts.
# As root with apt it installs what is missing; otherwise it stops at once with the command to run.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)  # IMAP sync tests (server/modules/channels)
# A colour-emoji font, so browser tests see emoji as people do rather than as missing-glyph boxes.
fc-list 2>/dev/null | grep -q 'Noto Color Emoji' || missing+=(fonts-noto-color-emoji)
if [ "${1:-}" = postgres ]; then
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Kith's tests need ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' (Debian/Ubuntu), then try again." >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian's packages (one time)..." >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  echo "Could not install ${missing[*]} with apt-get (last line: $(tail -n 1 "$log")); install them by hand and try again." >&2
  rm -f "$log"
  exit 1
fi
rm -f "$log"
