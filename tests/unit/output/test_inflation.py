"""Prices in one year's money: the bundled index, hand-worked adjustments, the setting everywhere."""

import csv
import datetime as dt
import io
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from dashboard import vocab
from dashboard.dataset.loader import BUNDLED_DATA
from dashboard.dataset.problems import DatasetError
from dashboard.dataset.storage import open_dataset
from dashboard.model import inflation
from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import CONTROLS, Filters, control_values, from_query, parse_fields
from dashboard.output import inflation_words
from dashboard.output.export import export_file, to_csv_bytes
from dashboard.output.grid import grid_rows
from dashboard.output.option_attributes import side_by_side_rows
from tests.factory import write_dataset
from tests.rows import price

BUNDLED = inflation.load_price_index(BUNDLED_DATA / inflation.INDEX_FILE)
HEADER = ",".join(inflation.INDEX_COLUMNS) + "\n"
# A GBP index for the hand-worked pound example: test values, not ONS figures.
GBP_TEST_INDEX = HEADER + (
    "GBP,2020,100.0,CPIH,https://www.ons.gov.uk/l522,test value\n"
    "GBP,2025,125.0,CPIH,https://www.ons.gov.uk/l522,test value\n"
)


def index_from(text: str, tmp_path) -> inflation.PriceIndex:
    path = tmp_path / inflation.INDEX_FILE
    path.write_text(text, encoding="utf-8")
    return inflation.load_price_index(path)


def prices(tmp_path, *rows) -> pd.DataFrame:
    """Filler prices (currency, low, typical, high, year) in the currency's market, as the loader reads prices.csv."""
    market = {currency: m for m, currency in vocab.MARKET_CURRENCY.items()}
    written = [
        price("ha-filler", market=market[c], currency=c, low=low, typical=typical, high=high, year=year)
        for c, low, typical, high, year in rows
    ]
    return open_dataset(write_dataset(tmp_path / "data", prices=written)).prices


def test_bundled_index_cpi_u_to_2025_and_ons_cpi_to_2023_with_a_source_for_every_value():
    assert (BUNDLED.latest_year("USD"), BUNDLED.latest_year("GBP")) == (2025, 2023)
    assert (BUNDLED.value("USD", 2016), BUNDLED.value("USD", 2025)) == (240.007, 321.943)
    assert (BUNDLED.value("GBP", 2015), BUNDLED.value("GBP", 2016), BUNDLED.value("GBP", 2023)) == (100.0, 100.7, 130.5)
    assert (BUNDLED.series["USD"], BUNDLED.series["GBP"]) == ("CPI-U", "ONS CPI")
    with open(BUNDLED_DATA / inflation.INDEX_FILE, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    series_id = {"USD": "CUUR0000SA0", "GBP": "D7BT"}
    assert rows and all(r["source"].startswith("https://") and series_id[r["currency"]] in r["note"] for r in rows)


def test_dollars_hand_worked_2016_to_2025(tmp_path):
    # 138 x 321.943 / 240.007 = 185.1118
    out = inflation.adjust_prices(prices(tmp_path, ("USD", 100.0, 138.0, np.nan, 2016)), BUNDLED, "latest").iloc[0]
    assert out["typical"] == pytest.approx(185.1118, abs=1e-4)
    assert out["low"] == pytest.approx(134.1390, abs=1e-4) and np.isnan(out["high"])
    used = (out["published_typical"], out["index_from"], out["index_to"], out["index_year_to"])
    assert used == (138.0, 240.007, 321.943, 2025)
    assert out["adjusted"] and out["adjustment"] == "adjusted"


def test_pounds_hand_worked_2016_to_2023(tmp_path):
    # 200 x 130.5 / 100.7 = 259.1857; pounds use the ONS CPI, never the dollar index
    out = inflation.adjust_prices(prices(tmp_path, ("GBP", 200.0, np.nan, 400.0, 2016)), BUNDLED, "latest").iloc[0]
    assert out["low"] == pytest.approx(259.1857, abs=1e-4) and out["high"] == pytest.approx(518.3714, abs=1e-4)
    assert (out["index_from"], out["index_to"], out["index_year_to"]) == (100.7, 130.5, 2023)
    assert inflation_words.figure_text(out["low"], "GBP", 2016, BUNDLED, "latest") == (
        "£259 in 2023 pounds (published £200 in 2016; ONS CPI 2016 -> 2023)"
    )
    late = inflation.adjust_prices(prices(tmp_path / "late", ("GBP", 200.0, np.nan, 400.0, 2024)), BUNDLED, "latest")
    late = late.iloc[0]
    assert late["low"] == 200.0 and late["adjustment"] == "after index"  # 2024: after the latest GBP year


def test_each_currency_uses_only_its_own_index(tmp_path):
    index = index_from(GBP_TEST_INDEX, tmp_path)
    frame = prices(tmp_path, ("GBP", 200.0, 240.0, 400.0, 2020), ("USD", 200.0, 240.0, 400.0, 2020))
    pounds, dollars = inflation.adjust_prices(frame, index, "latest").to_dict("records")
    assert [pounds[k] for k in ("low", "typical", "high")] == [250.0, 300.0, 500.0]  # x 125 / 100
    assert [dollars[k] for k in ("low", "typical", "high")] == [200.0, 240.0, 400.0]  # no USD index in this file
    assert dollars["adjustment"] == "no index" and not dollars["adjusted"]


@pytest.mark.parametrize("year, status", [(None, "no year"), (2026, "after index"), (1990, "no index")])
def test_figures_that_cannot_be_adjusted_stay_as_published_and_say_why(year, status, tmp_path):
    out = inflation.adjust_prices(prices(tmp_path, ("USD", 100.0, 150.0, 200.0, year)), BUNDLED, "latest").iloc[0]
    assert out[["low", "typical", "high"]].tolist() == [100.0, 150.0, 200.0]
    assert out["adjustment"] == status and not out["adjusted"]
    assert inflation_words.STATUS_TEXT[status] in inflation_words.figure_text(150.0, "USD", year, BUNDLED, "latest")


def test_as_published_changes_nothing(tmp_path):
    frame = prices(tmp_path, ("USD", 100.0, 138.0, 200.0, 2016))
    out = inflation.adjust_prices(frame, BUNDLED, "published")
    assert out["typical"].iloc[0] == 138.0 and out["adjustment"].iloc[0] == "as published"


def test_figure_text_names_both_figures():
    assert inflation_words.figure_text(185.1118, "USD", 2016.0, BUNDLED, "latest") == (
        "$185 in 2025 dollars (published $138 in 2016; CPI-U 2016 -> 2025)"
    )
    assert inflation_words.figure_text(138.0, "USD", 2016.0, BUNDLED, "published") == (
        "$138, published in 2016; shown as published"
    )
    assert inflation_words.adjustment_text("USD", 2016, BUNDLED, "latest") == "CPI-U 2016 -> 2025 (240.007 -> 321.943)"


@pytest.mark.parametrize(
    "row, message",
    [
        ("USD,2020,-1,CPI-U,https://bls.gov/x,", "value: must be a positive number"),
        ("USD,20x0,1,CPI-U,https://bls.gov/x,", "year: must be a year"),
        ("EUR,2020,1,HICP,https://ec.europa.eu/x,", "currency: must be one of USD, GBP"),
        ("USD,2020,1,CPI-U,ftp://bls.gov/x,", "source: must be the http(s) address"),
        ("USD,2023,1,CPI-W,https://bls.gov/x,", "series: one series per currency"),
        ("USD,2024,2,CPI-U,https://bls.gov/x,", "year: this currency and year appear more than once"),
    ],
)
def test_a_bad_index_file_is_refused_with_its_line_and_column(tmp_path, row, message):
    text = HEADER + "USD,2024,1,CPI-U,https://bls.gov/x,\n" + row + "\n"
    with pytest.raises(DatasetError) as err:
        index_from(text, tmp_path)
    problem = err.value.problems[0]
    assert (problem.row, f"{problem.column}: {problem.message}".startswith(message)) == (3, True)


def test_a_data_folder_may_bring_its_own_index(small_data_dir):
    assert inflation.index_location(small_data_dir) == BUNDLED_DATA / inflation.INDEX_FILE
    (small_data_dir / inflation.INDEX_FILE).write_text(GBP_TEST_INDEX, encoding="utf-8")
    assert inflation.index_location(small_data_dir) == small_data_dir / inflation.INDEX_FILE


def test_switching_prices_in_changes_totals(small_dataset):
    catalog = build_catalog(small_dataset, BUNDLED)
    latest = compare(catalog, Filters(market="US")).rows.loc["abdominoplasty"]
    published = compare(catalog, Filters(market="US", prices_in="published")).rows.loc["abdominoplasty"]
    assert (published["total_low"], published["total_high"]) == (8000, 13500)
    # 2024 surgeon's fee: 8000 x 321.943 / 313.689 = 8210.50; 13500 x ... = 13855.22
    assert latest["total_low"] == pytest.approx(8210.50, abs=0.01)
    assert latest["total_high"] == pytest.approx(13855.22, abs=0.01)
    microneedling = compare(catalog, Filters(market="US")).rows.loc["microneedling"]
    assert microneedling["session_low"] == 200  # no year: as published


@pytest.mark.parametrize("date, expected", [("2023-05-01", 528.2916), ("", 500.0)])
def test_a_quote_is_adjusted_from_its_date(small_dataset, date, expected):
    # 500 x 321.943 / 304.702 = 528.2916; an undated quote stays as quoted
    quote = {
        "id": "0123456789ab",
        "treatment_id": "abdominoplasty",
        "clinic": "Clinic A",
        "price": 500.0,
        "currency": "USD",
        "covers": "procedure",
        "quantity": 1,
        "date": date,
    }
    catalog = build_catalog(small_dataset, BUNDLED)
    row = compare(catalog, Filters(market="US"), [quote]).table.loc["quote-0123456789ab"]
    assert row["session_typical"] == pytest.approx(expected, abs=1e-4)
    assert row["quote_price_as_quoted"] == 500.0
    as_quoted = compare(catalog, Filters(market="US", prices_in="published"), [quote]).table.loc["quote-0123456789ab"]
    assert as_quoted["session_typical"] == 500.0


def test_grid_tooltip_names_the_adjusted_and_the_published_figure(small_dataset):
    comparison = compare(build_catalog(small_dataset, BUNDLED), Filters(market="US"))
    row = next(r for r in grid_rows(comparison, small_dataset) if r["id"] == "abdominoplasty")
    text = row["price_source_text"]
    assert "low: $8,211 in 2025 dollars (published $8,000 in 2024; CPI-U 2024 -> 2025) — ASPS, 2024" in text


def test_export_header_and_published_column(small_dataset):
    comparison = compare(build_catalog(small_dataset, BUNDLED), Filters(market="US"))
    content = to_csv_bytes(comparison, small_dataset, dt.date(2026, 11, 25)).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[5] == ["Prices in", "2025 dollars (latest complete year of the index)"]
    assert rows[6][0] == "Price index"
    assert rows[6][1].startswith("CPI-U annual index: 2024 313.689, 2025 321.943 (https://")
    header = next(r for r in rows if r and r[0] == "Option")
    record = dict(zip(header, next(r for r in rows if r and r[0] == "Abdominoplasty"), strict=False))
    assert record["Cost per session low as published"] == "8000"
    assert record["Cost per session low"] == "8210.5"  # 8000 x 321.943 / 313.689 = 8210.499..., to the cent
    assert record["Price year (typical)"] == ""  # the fee gives no typical figure


def test_the_setting_round_trips_through_url_and_controls():
    assert Filters(prices_in="published").to_query() == "prices_in=published"
    assert Filters().to_query() == ""  # latest is the default
    assert from_query("prices_in=published").prices_in == "published"
    assert from_query("prices_in=1999").prices_in == "latest"
    values = control_values(Filters(prices_in="published"))
    assert dict(zip(CONTROLS, values, strict=False))["prices-in"] == "published"
    assert parse_fields(dict(zip(CONTROLS.values(), values, strict=False))) == Filters(prices_in="published")


def run(*args):
    return subprocess.run([sys.executable, "-m", "dashboard", *args], capture_output=True, text=True, timeout=120)


@pytest.mark.process
def test_the_setting_round_trips_through_the_command_line(small_data_dir, tmp_path):
    out = tmp_path / "c.csv"
    result = run(
        "export", "--data", str(small_data_dir), "--prices-in", "published", "--format", "csv", "--output", str(out)
    )
    assert result.returncode == 0, result.stderr
    expected, _, _ = export_file(
        build_catalog(open_dataset(small_data_dir), BUNDLED), Filters(prices_in="published"), "csv", dt.date.today()
    )
    assert out.read_bytes() == expected
    assert b"Prices in,as published" in expected and b"prices as published" in expected
    bad = run(
        "export", "--data", str(small_data_dir), "--prices-in", "yesterday", "--format", "csv", "--output", str(out)
    )
    assert bad.returncode == 2 and "--prices-in" in bad.stderr and "Traceback" not in bad.stderr


def test_side_by_side_shows_the_published_typical_figure(small_dataset):

    row = compare(build_catalog(small_dataset, BUNDLED), Filters(market="US")).table.loc["ha-filler"]
    shown = dict(side_by_side_rows(row, 1, "$", BUNDLED, "latest"))
    # 700 a syringe x 1 syringe, 2024: 700 x 321.943 / 313.689 = 718.42
    assert shown["Typical per session, as its source gave it"] == (
        "$718 in 2025 dollars (published $700 in 2024; CPI-U 2024 -> 2025)"
    )
