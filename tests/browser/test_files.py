"""Files in a real browser: two quick exports on a slow connection, and uploads as spreadsheets save them."""

from playwright.sync_api import expect

from tests.browser.pages import network_latency

SEED = "/?concern=stretch-marks&market=US&budget=3000&horizon=5&compare=microdermabrasion,microneedling"


def test_two_quick_exports_on_a_slow_connection_deliver_both_files(page, live_url, console_errors):
    page.goto(live_url + SEED)
    expect(page.locator("#result-count")).to_contain_text("option")
    # every request takes 1.5 s more: the second click comes while the first file is being prepared
    network_latency(page, 1500)
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    page.click("#export-csv")
    expect(page.locator("#export-csv")).to_have_text("Preparing CSV…")
    expect(page.locator("#export-csv")).to_be_disabled()
    page.click("#export-xlsx")
    expect(page.locator("#export-xlsx")).to_have_text("Preparing Excel…")
    expect(page.locator("#export-csv")).to_have_text("Export CSV", timeout=30_000)
    expect(page.locator("#export-xlsx")).to_have_text("Export Excel", timeout=30_000)
    for _ in range(100):  # a download event follows the response that carries it
        if len(downloads) == 2:
            break
        page.wait_for_timeout(100)
    names = sorted(d.suggested_filename.rsplit(".", 1)[1] for d in downloads)
    assert names == ["csv", "xlsx"]
    assert all(d.failure() is None for d in downloads)


# Excel in a European locale: semicolons, decimal commas, a delimiter ending every row, UTF-8 with BOM.
EXCEL_EU = (
    "\ufefftreatment;clinic;price;currency;covers;quantity\r\n"
    "Microneedling;Klinik Am See, Berlin;1.250,00;USD;course;3;\r\n"
    "Botulinum toxin injections;Clinique Lumière;450,50;USD;session;1;\r\n"
)


def uploaded(page, path) -> None:
    page.set_input_files("#quote-upload input[type=file]", str(path))


def european_file_uploaded(page, live_url, tmp_path):
    """The page for fine lines in the US with EXCEL_EU (two quotes, semicolons) uploaded; the file's path."""
    page.goto(live_url + "/?concern=fine-lines&market=US&horizon=3")
    expect(page.locator("#result-count")).to_contain_text("option")
    path = tmp_path / "Angebote.csv"
    path.write_text(EXCEL_EU, encoding="utf-8")
    uploaded(page, path)
    return path


def test_a_semicolon_file_from_a_european_spreadsheet_is_uploaded(page, live_url, console_errors, tmp_path):
    european_file_uploaded(page, live_url, tmp_path)
    expect(page.locator("#quote-messages li").first).to_have_text("2 quotes added from the file.")
    expect(page.locator("#quote-messages")).to_contain_text(
        "Read as: Klinik Am See, Berlin, Microneedling: $416.67 × 3 sessions = $1,250 for the course"
    )
    expect(page.locator("#saved-quotes > li")).to_have_count(2)
    expect(page.locator("#saved-quotes")).to_contain_text("Klinik Am See, Berlin")
    expect(page.locator("#saved-quotes")).to_contain_text("$416.67 × 3 sessions = $1,250 for the course")


def test_the_same_file_uploaded_again_adds_nothing_and_says_so(page, live_url, console_errors, tmp_path):
    path = european_file_uploaded(page, live_url, tmp_path)
    expect(page.locator("#saved-quotes > li")).to_have_count(2)
    page.evaluate("document.querySelector('#quote-upload input[type=file]').value = ''")
    uploaded(page, path)
    expect(page.locator("#quote-messages li").first).to_have_text("0 quotes added from the file.")
    expect(page.locator("#quote-messages")).to_contain_text("2 quotes were in your list already: not added again.")
    expect(page.locator("#saved-quotes > li")).to_have_count(2)
    assert console_errors == []


def test_excel_unicode_text_is_uploaded(page, live_url, console_errors, tmp_path):
    page.goto(live_url + "/?concern=fine-lines&market=US&horizon=3")
    expect(page.locator("#result-count")).to_contain_text("option")
    path = tmp_path / "quotes.txt"  # what Excel's "Unicode Text" writes: UTF-16 with a BOM, tabs
    path.write_text(EXCEL_EU.lstrip("\ufeff").replace(";", "\t"), encoding="utf-16")
    uploaded(page, path)
    expect(page.locator("#quote-messages li").first).to_have_text("2 quotes added from the file.")


def test_a_file_of_any_size_over_the_limit_gets_the_size_message(page, live_url, console_errors, tmp_path):
    page.goto(live_url + "/?concern=fine-lines&market=US&horizon=3")
    expect(page.locator("#result-count")).to_contain_text("option")
    row = "Microneedling,Glow,250,USD\n"
    for size in (1_100_000, 1_300_000, 5_000_000):  # reaches the server; dropped by the upload component
        path = tmp_path / f"quotes-{size}.csv"
        path.write_text("treatment,clinic,price,currency\n" + row * (size // len(row)), encoding="utf-8")
        page.click("#quote-clear")  # with no quotes saved, this empties the messages
        expect(page.locator("#quote-messages li")).to_have_count(0)
        uploaded(page, path)
        expect(page.locator("#quote-messages li")).to_have_text(
            ["0 quotes added from the file.", "File: The file is larger than 1 MiB: split it into smaller files"]
        )
    expect(page.locator("#saved-quotes > li")).to_have_count(0)


def test_a_workbook_or_any_other_file_gets_a_message_and_adds_nothing(page, live_url, console_errors, tmp_path):
    import xlsxwriter

    page.goto(live_url + "/?concern=fine-lines&market=US&horizon=3")
    expect(page.locator("#result-count")).to_contain_text("option")
    workbook = tmp_path / "Price list.xlsx"  # a real workbook, as Excel saves one
    with xlsxwriter.Workbook(str(workbook)) as book:
        sheet = book.add_worksheet()
        sheet.write_row(0, 0, ["treatment", "price", "currency"])
        sheet.write_row(1, 0, ["Microneedling", 250, "USD"])
    leaflet = tmp_path / "leaflet.pdf"
    leaflet.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    for path, said in (
        (workbook, "File: 'Price list.xlsx' is an Excel workbook, not a CSV file: in Excel choose File › Save As"),
        (leaflet, "File: 'leaflet.pdf' is not a CSV file: only .csv, .tsv or .txt files can be uploaded"),
    ):
        page.click("#quote-clear")  # with no quotes saved, this empties the messages
        expect(page.locator("#quote-messages li")).to_have_count(0)
        uploaded(page, path)
        expect(page.locator("#quote-messages li").first).to_have_text("0 quotes added from the file.")
        expect(page.locator("#quote-messages li").nth(1)).to_contain_text(said)
    expect(page.locator("#saved-quotes > li")).to_have_count(0)
    assert console_errors == []
