#!/usr/bin/env bash
# The 15 imports with the largest cumulative time in `python -X importtime -m skincli show NAME`.
#
# Usage: bench/importtime.sh [NAME] [RUNS]      (defaults: retinol, 5)
#   PYTHON=/path/to/python bench/importtime.sh   to pick the interpreter (default: python3 on PATH,
#   or the active virtualenv's python). TOP=25 for a longer list.
#
# Like bench/run.py: SKINCLI_OVERLAY="", a temporary SKINCLI_CACHE_DIR warmed by one untimed run (which
# also writes the .pyc files), stdout to /dev/null (not a terminal, so the plain-text path, no rich).
# Like run.py, the runs get a private .pyc cache (PYTHONPYCACHEPREFIX in the temporary directory, so
# nothing is written to the source tree) instead of recompiling skincli each time when the environment
# sets PYTHONDONTWRITEBYTECODE=1; AS_IS=1 keeps the environment's setting.
# Each module's figures are the median over RUNS runs; times are microseconds as Python reports them,
# shown in milliseconds. "cumulative" includes the module's own imports, so packages head the list.
set -euo pipefail

name=${1:-retinol}
runs=${2:-5}
top=${TOP:-15}
if [ -n "${PYTHON:-}" ]; then py=$PYTHON
elif [ -n "${VIRTUAL_ENV:-}" ] && [ -x "$VIRTUAL_ENV/bin/python" ]; then py=$VIRTUAL_ENV/bin/python
else py=python3
fi

cache=$(mktemp -d "${TMPDIR:-/tmp}/skincli-importtime.XXXXXX")
logs=$(mktemp -d "${TMPDIR:-/tmp}/skincli-importtime-logs.XXXXXX")
trap 'rm -rf "$cache" "$logs"' EXIT
export SKINCLI_OVERLAY="" SKINCLI_CACHE_DIR="$cache"
unset SKINCLI_KB FORCE_COLOR SKINCLI_FORCE_RICH || true
if [ -z "${AS_IS:-}" ]; then
    unset PYTHONDONTWRITEBYTECODE
    export PYTHONPYCACHEPREFIX="$cache/pycache"
fi

if ! "$py" -m skincli show "$name" >/dev/null 2>"$logs/warm.err"; then
    echo "importtime.sh: \`skincli show $name\` failed:" >&2
    cat "$logs/warm.err" >&2
    exit 1
fi
for i in $(seq 1 "$runs"); do
    # -X importtime writes to stderr; skincli's own stderr is empty on success
    "$py" -X importtime -m skincli show "$name" 2>"$logs/run$i.err" >/dev/null
done

"$py" - "$logs" "$runs" "$top" "$name" <<'EOF'
import statistics
import sys
from pathlib import Path

logs, runs, top, name = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
cumulative: dict[str, list[int]] = {}
own: dict[str, list[int]] = {}
depth: dict[str, int] = {}
totals = []
for log in sorted(logs.glob("run*.err")):
    total = 0
    for line in log.read_text().splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, module = line.split(":", 1)[1].split("|", 2)
        level = (len(module) - len(module.lstrip(" ")) - 1) // 2  # "| " then two spaces per level
        module = module.strip()
        own.setdefault(module, []).append(int(self_us))
        cumulative.setdefault(module, []).append(int(cum_us))
        depth[module] = level
        if level == 0:
            total += int(cum_us)
    totals.append(total)

rows = sorted(cumulative, key=lambda m: -statistics.median(cumulative[m]))[:top]
print(f"Top {top} cumulative imports of `python -X importtime -m skincli show {name}` (median of {runs} runs)\n")
print(f"{'#':>3}  {'cumul ms':>8}  {'self ms':>7}  depth  module")
for rank, module in enumerate(rows, 1):
    print(f"{rank:>3}  {statistics.median(cumulative[module]) / 1000:8.1f}  {statistics.median(own[module]) / 1000:7.1f}  "
          f"{depth[module]:>5}  {module}")
print(f"\nAll imports together (sum of top-level cumulative times): {statistics.median(totals) / 1000:.1f} ms; "
      f"{len(cumulative)} modules imported.")
EOF
