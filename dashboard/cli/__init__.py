"""The command line: validate the data, serve the dashboard, export a comparison, list the gaps, describe the data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard import vocab
from dashboard.app import create_app
from dashboard.cli.load import add_load_parser, cmd_load, price_rows, print_left_out
from dashboard.dataset import datapackage
from dashboard.dataset.problems import DatasetError, format_problems
from dashboard.dataset.storage import open_dataset
from dashboard.model import coverage
from dashboard.model.comparison import build_catalog
from dashboard.model.filters import FIELDS, Filters, parse_fields, rejected_fields
from dashboard.model.inflation import index_location, load_price_index
from dashboard.model.price_use import left_out
from dashboard.output import coverage_report, filter_words
from dashboard.output.export import export_file
from dashboard.output.price_use_words import left_out_problems
from dashboard.progress import Progress
from dashboard.quotes.dates import utc_today
from dashboard.serving import freeze_start_up_objects
from dashboard.settings import data_location, region_from

DATA_HELP = "data folder or postgresql:// URL (default: $DASHBOARD_DATA, else the bundled data/)"
REGION_HELP = "narrow clinic price lists to this region (default: $DASHBOARD_REGION, else every region)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check a data folder and print a summary")
    validate.add_argument("--data", default=None, help=DATA_HELP)
    validate.add_argument("--region", help=REGION_HELP)
    serve = commands.add_parser("serve", help="start the dashboard (development server; use gunicorn in production)")
    serve.add_argument("--data", default=None, help=DATA_HELP)
    serve.add_argument("--region", help=REGION_HELP)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8050)
    serve.add_argument("--debug", action="store_true", help="Dash dev tools and reloader; never in production")
    export = commands.add_parser("export", help="write the comparison for these filters as CSV or Excel")
    export.add_argument("--data", default=None, help=DATA_HELP)
    export.add_argument("--region", help=REGION_HELP)
    add_filter_flags(export)
    export.add_argument("--format", choices=("csv", "xlsx", "json"), required=True)
    export.add_argument("--output", required=True, help="file to write ('-' for standard output)")
    package = commands.add_parser("datapackage", help="write DIR/datapackage.json (Frictionless) from the schema")
    package.add_argument("--data", default=None, help="data folder (default: $DASHBOARD_DATA, else the bundled data/)")
    cover = commands.add_parser("coverage", help="list, per treatment, the inputs the data leaves unknown")
    cover.add_argument("--data", default=None, help=DATA_HELP)
    cover.add_argument(
        "--market",
        action="append",
        choices=vocab.MARKETS,
        help="check prices in this market (repeatable; default: " + ", ".join(coverage.NATIONAL_MARKETS) + ")",
    )
    cover.add_argument("--markdown", action="store_true", help="print the 'Still unknown' block of data/README.md")
    add_load_parser(commands)
    return parser


def add_filter_flags(parser: argparse.ArgumentParser) -> None:
    """One flag per filter field (filters.FIELDS), named like its URL parameter; earlier spellings still work."""
    for f in FIELDS:
        if isinstance(f.default, bool):
            parser.add_argument(f.flag, *f.old_flags, dest=f.name, action="store_true", default=None, help=f.help)
        else:
            parser.add_argument(f.flag, *f.old_flags, dest=f.name, metavar=f.url.upper(), help=f.help)


def _report(err: DatasetError, prefix: str = "") -> int:
    """Print a bad dataset's problems, one per line, and give the exit status."""
    print(f"{prefix}{len(err.problems)} problem(s) in the data:", file=sys.stderr)
    print(format_problems(err.problems), file=sys.stderr)
    return 1


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        app = create_app(args.data, args.region)
    except DatasetError as err:
        return _report(err, "cannot start: ")
    freeze_start_up_objects()
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    try:
        location = data_location(args.data)
        data = open_dataset(location, region=region_from(args.region))
        index = load_price_index(index_location(location))
    except DatasetError as err:
        return _report(err)
    treatment_ids = frozenset(data.treatments["id"])
    raw = {f.name: getattr(args, f.name) for f in FIELDS if getattr(args, f.name) is not None}
    rejected = rejected_fields(raw, treatment_ids)
    if rejected:
        for f in FIELDS:
            if f.name in rejected:
                print(f"error: invalid value for {f.flag}: {raw[f.name]!r} (expected {f.help})", file=sys.stderr)
        return 2
    filters = parse_fields(raw, treatment_ids)
    try:  # the one cost view the export shows
        catalog = build_catalog(data, index, views=[export_view(filters)])
    except DatasetError as err:
        return _report(err)
    content, _name, _mime = export_file(catalog, filters, args.format, utc_today())
    if args.output == "-":
        sys.stdout.buffer.write(content)
    else:
        with open(args.output, "wb") as out:
            out.write(content)
        print(f"wrote {args.output}: {filter_words.describe(filters)}", file=sys.stderr)
    return 0


def export_view(filters: Filters) -> tuple[str, str, int]:
    """The cost view (prices in, market, horizon) an export of `filters` shows."""
    return (filters.prices_in, filters.market, filters.horizon)


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        with Progress("validate") as step:
            data = open_dataset(data_location(args.data), progress=step, region=region_from(args.region))
    except DatasetError as err:
        return _report(err)
    years = data.price_years()
    span = f", price years {years[0]}-{years[1]}" if years else ""
    region = region_from(args.region)
    print(
        f"OK: {len(data.treatments)} treatments, {price_rows(data.prices)} prices, "
        f"{len(data.concerns)} concern links, {len(data.sources)} sources{span}"
        + (f"; clinic prices of region {region} and rows naming no region" if region else "")
    )
    print_left_out(left_out_problems(left_out(data.treatments, data.prices)), sys.stdout)
    return 0


def cmd_datapackage(args: argparse.Namespace) -> int:
    location = data_location(args.data)
    if not isinstance(location, Path):
        print("error: --data must be a folder (a data package describes files)", file=sys.stderr)
        return 2
    print(f"wrote {datapackage.write(location)}", file=sys.stderr)
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    try:
        data = open_dataset(data_location(args.data))
    except DatasetError as err:
        return _report(err)
    markets = tuple(args.market or coverage.NATIONAL_MARKETS)
    found = coverage.gaps(data, markets)
    print((coverage_report.as_markdown if args.markdown else coverage_report.as_table)(found, markets, data))
    return 0


COMMANDS = {
    "validate": cmd_validate,
    "serve": cmd_serve,
    "export": cmd_export,
    "load": cmd_load,
    "datapackage": cmd_datapackage,
    "coverage": cmd_coverage,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except OSError as err:
        print(f"error: {err.strerror or err}: {getattr(err, 'filename', '') or ''}", file=sys.stderr)
        return 2
