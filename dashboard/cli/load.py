"""The `load` command: check a price list (or a whole data folder) and write it to PostgreSQL."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

import pandas as pd
import sqlalchemy as sa

from dashboard.dataset import database
from dashboard.dataset.pricelist import price_table, summary_frame, summary_query
from dashboard.dataset.problems import Problem, format_problems
from dashboard.dataset.storage import duck_session, read_folder, read_price_list
from dashboard.model.price_use import left_out
from dashboard.output.price_use_words import left_out_problems
from dashboard.progress import Progress
from dashboard.settings import data_location, is_database_url


def add_load_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    load = commands.add_parser(
        "load",
        help="check a price list (CSV or Parquet) and import it into a PostgreSQL database",
        description="Loading a price list replaces the rows of the sources it names, in one transaction.",
    )
    load.add_argument("--data", default=None, help="postgresql:// URL (default: $DASHBOARD_DATA)")
    load.add_argument("--init", metavar="DIR", help="first replace all four tables with this data folder (e.g. data/)")
    load.add_argument("file", nargs="?", help="price list: prices.csv format plus optional clinic, region, date")


def price_rows(prices: pd.DataFrame) -> int:
    """How many price rows a summarised prices frame (its `rows` counts) stands for."""
    return int(prices["rows"].sum())


def cmd_load(args: argparse.Namespace) -> int:
    url = data_location(args.data)
    if not (isinstance(url, str) and is_database_url(url)):
        print("error: --data (or DASHBOARD_DATA) must be a postgresql:// URL", file=sys.stderr)
        return 2
    if not args.init and not args.file:
        print("error: give a price list FILE, --init DIR, or both", file=sys.stderr)
        return 2
    if args.init:
        with duck_session() as duck, Progress(f"load {args.init}") as step:
            frames, problems = read_folder(Path(args.init), duck, step)
            if problems:
                step.close()
                return _refuse(args.init, problems)
            added = database.init(url, frames, duck, step)
            notes = left_out_problems(left_out(frames["treatments.csv"], _summary(duck)))
        print(
            f"loaded {args.init}: {len(frames['treatments.csv'])} treatments, {added:,} prices, "
            f"{len(frames['concerns.csv'])} concern links, {len(frames['sources.csv'])} sources",
            file=sys.stderr,
        )
        print_left_out(notes, sys.stderr)
    if args.file:
        treatment_ids, source_ids = database.known_ids(url)
        with duck_session() as duck, Progress(f"load {args.file}") as step:
            problems = read_price_list(duck, Path(args.file), treatment_ids, source_ids, step)
            if problems:
                step.close()
                return _refuse(args.file, problems)
            removed, added = database.load_prices(url, duck, step)
            notes = left_out_problems(
                left_out(database.read_dataset(url).treatments, _summary(duck)), Path(args.file).name
            )
        print(
            f"loaded {args.file}: {added:,} price rows ({removed:,} earlier rows of the same sources replaced)",
            file=sys.stderr,
        )
        print_left_out(notes, sys.stderr, f" (within {Path(args.file).name})")
    return 0


def _summary(duck: sa.Connection) -> pd.DataFrame:
    """The checked price list in DuckDB, summarised as the app will read it (index = file line)."""
    return summary_frame(duck.execute(summary_query(price_table(sa.MetaData()))))


def print_left_out(notes: list[Problem], stream: TextIO, scope: str = "") -> None:
    """Count and list the price rows the cost model does not use (a rule or a tie-break left them out)."""
    if notes:
        print(
            f"{len(notes)} price row(s) not used by the cost model{scope}, left out by a rule or a tie-break:",
            file=stream,
        )
        print(format_problems(notes), file=stream)


def _refuse(what: str, problems: list[Problem]) -> int:
    print(f"nothing loaded: {len(problems)} problem(s) in {what}:", file=sys.stderr)
    print(format_problems(problems), file=sys.stderr)
    return 1
