#!/usr/bin/env bash
# Scores the analyzer on the labeled evaluation corpus in bench/corpus (a development aid, not a test).
# Labels are the `// expect: <category>` / `// ok: <category>` marks at line ends; the audit runs on a
# mark-free copy.
#   bash scripts/corpus.sh [--details]
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-bench/corpus}
[ -d "$CORPUS" ] || { echo "corpus not found at $CORPUS" >&2; exit 2; }
npm run build --silent
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
node scripts/score-marks.mjs --root "$CORPUS" --strip-to "$OUT/files" >/dev/null
(cd "$OUT/files" && node "$OLDPWD/dist/cli.js" audit . --format sarif --output "$OUT/corpus.sarif" --no-exit-code --quiet)
node scripts/score-marks.mjs --root "$CORPUS" --scan-root "$OUT/files" --sarif "$OUT/corpus.sarif" "$@"
