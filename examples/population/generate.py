"""Write the bundled synthetic population of apprentices as CSV.

The cases come from :func:`skillchain.simulation.synthetic_apprentices` (seeded, so
the file is the same on every run); this script only lays them out as the CSV that
``skillchain simulate`` reads: one column per dotted fact path, columns that are
empty in every row left out.  Every person, identity number and enterprise is made
up.

    python examples/population/generate.py                  # the bundled file
    python examples/population/generate.py 100000 --out /tmp/big.csv
"""
# ruff: noqa: INP001 - a standalone script, not a package

import argparse
import csv
import json
import sys

from collections.abc import Iterator, Mapping
from pathlib import Path

from skillchain.serialization import unstructure
from skillchain.simulation import synthetic_apprentices
from skillchain.testing import Case


HERE = Path(__file__).resolve().parent
DEFAULT_COUNT = 10_000
DEFAULT_SEED = 20261127


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        if any(isinstance(item, dict | list) for item in value):
            return json.dumps(value, ensure_ascii=False)
        # Sorted: a set's order changes from run to run (string hashing is salted).
        return ";".join(sorted(_cell(item) for item in value))
    return str(value)


def _flatten(data: Mapping[str, object], prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{path}.")
        else:
            yield path, _cell(value)


def row(case: Case) -> dict[str, str]:
    """One case as CSV cells by column (identity numbers in full: this is input data)."""
    cells = {"name": case.name, "on": case.on.isoformat()}
    cells.update(_flatten({k: unstructure(v) for k, v in case.facts.items()}))
    return cells


def write(path: Path, count: int, seed: int) -> int:
    """Write *count* cases to *path*; return the number of columns written."""
    rows = [row(case) for case in synthetic_apprentices(count, seed=seed)]
    used = {name for cells in rows for name, value in cells.items() if value}
    columns = [name for name in rows[0] if name in used] if rows else []
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([cells.get(name, "") for name in columns] for cells in rows)
    return len(columns)


def main() -> None:
    """Parse the command line and write the file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=DEFAULT_COUNT)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--out", type=Path, default=HERE / f"apprentices-{DEFAULT_COUNT}.csv"
    )
    args = parser.parse_args()
    width = write(args.out, args.count, args.seed)
    sys.stdout.write(f"wrote {args.count:,} cases, {width} columns: {args.out}\n")


if __name__ == "__main__":
    main()
