"""The command line: validate the data, serve the dashboard, export a comparison."""

from __future__ import annotations

import argparse
import sys

from dashboard.dataset import BUNDLED_DATA, load_dataset
from dashboard.problems import DatasetError, format_problems


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check a data folder and print a summary")
    validate.add_argument("--data", default=str(BUNDLED_DATA), help="data folder (default: the bundled data/)")
    return parser


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        data = load_dataset(args.data)
    except DatasetError as err:
        print(f"{len(err.problems)} problem(s) in {args.data}:", file=sys.stderr)
        print(format_problems(err.problems), file=sys.stderr)
        return 1
    years = data.price_years()
    span = f", price years {years[0]}-{years[1]}" if years else ""
    print(
        f"OK: {len(data.treatments)} treatments, {len(data.prices)} prices, "
        f"{len(data.concerns)} concern links, {len(data.sources)} sources{span}"
    )
    return 0


COMMANDS = {"validate": cmd_validate}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except OSError as err:
        print(f"error: {err.strerror or err}: {getattr(err, 'filename', '') or ''}", file=sys.stderr)
        return 2
