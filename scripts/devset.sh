#!/usr/bin/env bash
# Scores the analyzer on the labeled dev set in ../shared/devset (a development aid, not a test).
#   bash scripts/devset.sh [--details]
set -euo pipefail
cd "$(dirname "$0")/.."
DEVSET=${DEVSET:-../shared/devset}
[ -f "$DEVSET/score.py" ] || { echo "dev set not found at $DEVSET" >&2; exit 2; }
npm run build --silent
OUT=$(mktemp -d)
python3 "$DEVSET/score.py" --strip-to "$OUT/files" >/dev/null
(cd "$OUT/files" && node "$OLDPWD/dist/cli.js" audit . --format sarif --output "$OUT/devset.sarif" --no-exit-code --quiet)
python3 "$DEVSET/score.py" --root "$OUT/files" --sarif "$OUT/devset.sarif" "$@"
