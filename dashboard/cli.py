"""The command line: validate the data, serve the dashboard, export a comparison."""

from __future__ import annotations

import argparse
import sys

from dashboard.dataset import BUNDLED_DATA
from dashboard.load import add_load_parser, cmd_load, price_rows, print_left_out
from dashboard.price_use import left_out
from dashboard.problems import DatasetError, format_problems
from dashboard.storage import open_dataset, region_from

DATA_HELP = "data folder or postgresql:// URL (default: $DASHBOARD_DATA or the bundled data/)"
REGION_HELP = "narrow clinic price lists to this region (default: $DASHBOARD_REGION, else every region)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dashboard", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check a data folder and print a summary")
    validate.add_argument("--data", default=str(BUNDLED_DATA), help="data folder or postgresql:// URL (default: the bundled data/)")
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
    export.add_argument("--concern")
    export.add_argument("--market", default="US")
    export.add_argument("--budget")
    export.add_argument("--horizon-years", default="1")
    export.add_argument("--max-downtime-days")
    export.add_argument("--max-risk", default="5")
    export.add_argument("--include-over-budget", action="store_true")
    export.add_argument("--format", choices=("csv", "xlsx"), required=True)
    export.add_argument("--output", required=True, help="file to write ('-' for standard output)")
    add_load_parser(commands)
    return parser


def _report(err: DatasetError, prefix: str = "") -> int:
    """Print a bad dataset's problems, one per line, and give the exit status."""
    print(f"{prefix}{len(err.problems)} problem(s) in the data:", file=sys.stderr)
    print(format_problems(err.problems), file=sys.stderr)
    return 1


def cmd_serve(args: argparse.Namespace) -> int:
    from dashboard.app import create_app

    try:
        app = create_app(args.data, args.region)
    except DatasetError as err:
        return _report(err, "cannot start: ")
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    import datetime as dt

    from dashboard.app import data_dir_from
    from dashboard.callbacks import export_file
    from dashboard.comparison import build_catalog
    from dashboard.filters import parse_fields, rejected_fields

    try:
        catalog = build_catalog(open_dataset(data_dir_from(args.data), region_from(args.region)))
    except DatasetError as err:
        return _report(err)
    raw = {
        "concern": args.concern, "market": args.market, "budget": args.budget, "horizon": args.horizon_years,
        "max_downtime": args.max_downtime_days, "max_risk": args.max_risk,
        "show_over_budget": args.include_over_budget,
    }
    rejected = rejected_fields(raw, catalog.treatment_ids)
    if rejected:
        flags = ", ".join("--" + FLAG_NAMES.get(r, r).replace("_", "-") for r in rejected)
        print(f"error: invalid value for {flags}", file=sys.stderr)
        return 2
    filters = parse_fields(raw, catalog.treatment_ids)
    content, _name, _mime = export_file(catalog, filters, args.format, dt.date.today())
    if args.output == "-":
        sys.stdout.buffer.write(content)
    else:
        with open(args.output, "wb") as out:
            out.write(content)
        print(f"wrote {args.output}: {filters.describe()}", file=sys.stderr)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        data = open_dataset(args.data, region_from(args.region))
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
    print_left_out(left_out(data.treatments, data.prices), sys.stdout)
    return 0


FLAG_NAMES = {"horizon": "horizon_years", "max_downtime": "max_downtime_days"}

COMMANDS = {"validate": cmd_validate, "serve": cmd_serve, "export": cmd_export, "load": cmd_load}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except OSError as err:
        print(f"error: {err.strerror or err}: {getattr(err, 'filename', '') or ''}", file=sys.stderr)
        return 2
