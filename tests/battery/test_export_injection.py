"""Export injection: every payload in dataset text and in quotes, as CSV and as XLSX."""

import csv
import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from dashboard.dataset.storage import open_dataset
from dashboard.formula import starts_with_trigger
from dashboard.model.comparison import Comparison, build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.output.export import to_csv_bytes
from dashboard.output.xlsx import to_xlsx_bytes
from tests.battery.payloads import FORMULA
from tests.factory import write_dataset

TODAY = dt.date(2026, 11, 25)


def test_there_are_at_least_50_payloads():
    assert len(FORMULA) >= 50


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    data = open_dataset(write_dataset(tmp_path_factory.mktemp("d")))
    return data, build_catalog(data)


def with_dataset_text(small, payload) -> tuple:
    """The comparison with the payload in every text column a row exports (as a hostile dataset would)."""
    data, catalog = small
    comparison = compare(catalog, Filters(market="US", horizon=5, show_over_budget=True))
    rows = comparison.rows.copy()
    for column in ("name", "category", "maintenance", "downtime_measure", "evidence", "budget_fit"):
        rows[column] = payload
    sources = data.sources.copy()
    sources["publisher"] = payload
    sources["title"] = payload
    data = type(data)(treatments=data.treatments, prices=data.prices, concerns=data.concerns, sources=sources)
    return data, Comparison(rows=rows, hidden_over_budget=0, filters=comparison.filters)


def with_quote(small, payload) -> tuple:
    data, catalog = small
    quote = {
        "id": "0123456789ab",
        "treatment_id": "ha-filler",
        "clinic": payload,
        "price": 700.0,
        "currency": "USD",
        "covers": "session",
        "quantity": 1,
        "date": "",
    }
    return data, compare(catalog, Filters(market="US", horizon=5), [quote])


def assert_csv_safe(content: bytes):
    for row in csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")):
        for cell in row:
            assert not starts_with_trigger(cell), repr(cell[:40])


def assert_xlsx_safe(content: bytes):
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        for name in z.namelist():
            xml = z.read(name).decode("utf-8", "replace")
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in xml and "<f " not in xml, name
            assert "hyperlink" not in name.lower()
            assert "<hyperlink" not in xml
    book = openpyxl.load_workbook(io.BytesIO(content))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                if isinstance(cell.value, str):
                    assert not starts_with_trigger(cell.value), repr(cell.value[:40])


@pytest.mark.parametrize("source", [with_dataset_text, with_quote], ids=["dataset", "quote"])
@pytest.mark.parametrize("payload", FORMULA, ids=range(len(FORMULA)))
def test_no_live_formula_in_csv_or_xlsx(small, source, payload):
    data, comparison = source(small, payload)
    assert_csv_safe(to_csv_bytes(comparison, data, TODAY))
    assert_xlsx_safe(to_xlsx_bytes(comparison, data, TODAY))


def test_numbers_stay_numbers(small):
    data, comparison = with_quote(small, "=1+1")
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx_bytes(comparison, data, TODAY)))
    sheet = book["Comparison"]
    header = next(r for r in sheet.iter_rows() if r[0].value == "Option")
    col = [c.value for c in header].index("Total cost high")
    values = [r[col].value for r in sheet.iter_rows(min_row=header[0].row + 1) if r[col].value is not None]
    assert values and all(isinstance(v, (int, float)) for v in values)
