"""Write N megabytes of real advert text for the `check` benchmark rows: the labelled passages of
tests/data/adverts/ (see its README for their sources) repeated. About eight claims and three marketing
patterns a kilobyte, far denser than a page of prose: a worst case for `check`.

    python bench/make_adverts.py -o /tmp/adverts.txt --mb 10

Run as its own process by bench/run.py, so the benchmark's parent process stays small (a child's peak
RSS counts the parent's memory it was forked from).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ADVERTS = Path(__file__).resolve().parent.parent / "tests" / "data" / "adverts" / "adverts.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--mb", type=int, default=10, help="megabytes (10^6 characters) to write (default 10)")
    args = parser.parse_args(argv)
    with ADVERTS.open(encoding="utf-8") as fh:
        passages = yaml.safe_load(fh)["passages"]
    block = "\n\n".join(p["text"] for p in passages) + "\n\n"
    size = args.mb * 1_000_000
    text = (block * (size // len(block) + 1))[:size]
    args.output.write_text(text, encoding="utf-8")
    print(f"{len(passages)} labelled passages of tests/data/adverts repeated to {len(text):,} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
