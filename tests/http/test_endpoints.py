"""The comparison at a URL: /comparison.csv, .xlsx and .json give what the CLI gives for the same query."""

import io
import json
import subprocess
import sys

import openpyxl
import pytest

from tests.http.callbacks import render

CLI_QUERY = (
    "?concern=stretch-marks&budget=5000&horizon=5",
    ["--concern", "stretch-marks", "--budget", "5000", "--horizon-years", "5"],
)


def cli_export(data_dir, fmt, flags, tmp_path):
    out = tmp_path / f"c.{fmt}"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dashboard",
            "export",
            "--data",
            str(data_dir),
            *flags,
            "--format",
            fmt,
            "--output",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return out.read_bytes()


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_url_gives_the_same_bytes_as_the_cli(client, small_data_dir, tmp_path, fmt):
    query, flags = CLI_QUERY
    response = client.get(f"/comparison.{fmt}{query}")
    assert response.status_code == 200
    assert response.data == cli_export(small_data_dir, fmt, flags, tmp_path)


def test_xlsx_url_gives_the_same_rows_as_the_cli(client, small_data_dir, tmp_path):
    query, flags = CLI_QUERY
    response = client.get(f"/comparison.xlsx{query}")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]

    def rows(content):
        sheet = openpyxl.load_workbook(io.BytesIO(content))["Comparison"]
        return [[c.value for c in r] for r in sheet.iter_rows()]

    assert rows(response.data) == rows(cli_export(small_data_dir, "xlsx", flags, tmp_path))


def test_json_rows_are_the_page_rows(client):

    body = client.get("/comparison.json?market=US&horizon=5&budget=5000&over_budget=1").get_json()
    page = render(client, "?market=US&horizon=5&budget=5000&over_budget=1")["results-grid"]["rowData"]
    assert sorted(r["name"] for r in body["rows"]) == sorted(r["name"] for r in page)
    assert body["filters"] == "market US; horizon 5 years; budget 5,000 USD; over-budget options shown"


@pytest.mark.parametrize(
    "query",
    [
        "?budget=-1&horizon=99&market=XX",
        "?concern=<script>",
        "?" + "x" * 5000,
        "?compare=" + ",".join(str(i) for i in range(500)),
    ],
)
def test_bad_parameters_fall_back_as_the_page_does(client, query):
    response = client.get(f"/comparison.json{query}")
    assert response.status_code == 200
    assert json.loads(response.data)["filters"] == "market US; horizon 1 year"


def test_unknown_format_is_404_and_headers_are_set(client):
    assert client.get("/comparison.exe").status_code == 404
    response = client.get("/comparison.csv")
    assert response.headers["Content-Security-Policy"] and response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.mimetype == "text/csv"


def test_a_browser_only_callback_posted_to_the_server_is_refused_not_a_500(client):
    body = {
        "output": "..link-csv.href...link-xlsx.href...link-json.href..",
        "outputs": [{"id": i, "property": "href"} for i in ("link-csv", "link-xlsx", "link-json")],
        "inputs": [{"id": "url", "property": "search", "value": "?market=UK"}],
        "changedPropIds": ["url.search"],
    }
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400 and b"runs in the browser" in response.data
