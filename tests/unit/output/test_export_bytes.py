"""The export's exact bytes: one fixed query on the small dataset, a fixed export date and a fixed price index.

Every byte is compared, so any change to the settings block, the column order, a header, a number's format,
the quoting, the line ends or the BOM fails here; when such a change is meant, update the expected text with it.
"""

import datetime as dt
from pathlib import Path

import pytest

from dashboard.model import inflation
from dashboard.model.comparison import build_catalog
from dashboard.model.filters import Filters
from dashboard.output.export import export_file

EXPORTED = dt.date(2026, 11, 25)
QUERY = Filters(market="US", horizon=5, budget=10000)
# A test index (not BLS figures): dollars of 2024 become dollars of 2025 at 103.37/100 (so cents show).
INDEX = (
    "currency,year,value,series,source,note\n"
    "USD,2024,100.0,CPI-U,https://www.bls.gov/cpi/,test value\n"
    "USD,2025,103.37,CPI-U,https://www.bls.gov/cpi/,test value\n"
)
EXPECTED = Path(__file__).parents[2] / "expected"

# Excel's BOM first, then CRLF after every line (the last one too). Hand-worked, 2024 dollars x 1.0337: the filler's
# 500 / 700 / 1,800 (two syringes of 900) per session become 516.85 / 723.59 / 1,860.66, and its 5-year low is
# 4 x 516.85 = 2,067.40 (written 2067.4); the abdominoplasty's 8,000-13,500 fee becomes 8,269.60-13,954.95.
EXPECTED_CSV = (
    "\ufeff"
    + "\r\n".join(
        [
            "Comparison,Cosmetic treatment costs over time (not medical advice)",
            'Filters,"market US; horizon 5 years; budget 10,000 USD"',
            "Exported,2026-11-25 (UTC)",
            "Price years in the data,2024-2024",
            "Currency,USD",
            "Prices in,2025 dollars (latest complete year of the index)",
            'Price index,"CPI-U annual index: 2024 100, 2025 103.37 (https://www.bls.gov/cpi/)"',
            "Options over budget not shown,0",
            "Empty cells,not published; an empty high beside a low means 'at least the low figure'",
            "",
            "Option,Row type,Clinic (your quotes),Category,Price basis,Currency,Initial course low,Initial course high,Upkeep over the horizon low,Upkeep over the horizon high,Initial course and upkeep reads,Total cost low,Total cost typical,Total cost high,Total cost reads,First-year cost low,First-year cost high,Cost per session low,Cost per session typical,Cost per session high,Cost per session low as published,Cost per session typical as published,Cost per session high as published,Price year (typical),Inflation adjustment (typical),Sessions low,Sessions typical,Sessions high,Maintenance,Maintenance in words,Results last months low,Results last months high,Downtime days low,Downtime days high,Downtime measures,Downtime in words,Risk tier,Major complication rate,Evidence for concern,Trial: share improved (%),Trial: threshold (the study's words),Trial: n,Trial: n counts,Trial: design,Trial: control arm,Trial: control arm's share improved (%),Trial: difference more than chance (as the study says),Trial: number needed to treat,Cost per extra patient improved low,Cost per extra patient improved high,What trials found,Trial: study,Trial: source,Trial: limits,Budget fit,Budget fit reason,Budget answer hinges on,\"Budget margin (under if fits, over if over)\",Fits if a session costs at most,Fits if sessions in all at most,Sessions beyond the course the budget leaves room for,Missing inputs,Questions for the clinic,Your assumption used,Your assumptions,How the price was read,Best trade-off,Lost pay low,Lost pay high,Cost including time off low,Cost including time off high,Your quote vs published,Price sources,Fact sources",
            'Microneedling,published,,microneedling,Basis not stated,USD,600,4200,0,,"course $600–$4,200 + upkeep not published",600,,,at least $600,600,,200,,700,200,,700,,,3,,6,unknown,not published whether it must be repeated,,,,,,not published,1,,,,,,,,,,,,,,,,,,may fit,"May fit: the course ($600–$4,200) fits. It stays within $10,000 over 5 years if you need at most 8 more sessions (about one every 8 months) at up to $700 each; whether and how often it must be repeated is not published.",course fits; if at most 8 more sessions at up to $700,,,,8,"Whether and how often it must be repeated is not published: ask the clinic, or enter your own assumption.","The price shown here ($200–$700 a session) comes only from a clinic\'s or vendor\'s page: what is your price? Does the price include numbing cream, aftercare and follow-up visits? Is your price for one session or for the whole course, and how many sessions will I need (published 3–6)? Will I need top-up sessions to keep the results, and how many a year? How many days until I can go back to work?",,,"low and high figures from a weak source (clinic, vendor or unsourced page)",,,,,,,clinic-x,clinic-x',
            'Hyaluronic-acid filler,published,,injectable,Basis not stated,USD,516.85,1860.66,1550.55,16745.94,"course $517–$1,861 + upkeep $1,551–$16,746",2067.4,,18606.6,"$2,067–$18,607",516.85,3721.32,516.85,723.59,1860.66,500,700,1800,2024,CPI-U 2024 -> 2025 (100 -> 103.37),1,1,1,periodic,repeated every 6–18 months,6,18,0,7,side-effects,0–7 days of visible side effects,4,,,,,,,,,,,,,,,,,,may fit,"May fit: two inputs decide: it fits if a session costs at most $1,000 (published $517–$1,861) even at the most sessions, or if you need at most 5 sessions in all, top-ups included (published 1 for the course and 3–9 in top-ups) even at the highest price ($1,861).","course fits; if a session costs at most $1,000 or at most 5 sessions in all",,1000,5,,,"The price shown here ($517–$1,861 a session) comes only from a clinic\'s or vendor\'s page: what is your price? Does the price include numbing cream, aftercare and follow-up visits? How many syringes will each session use (published 1–2)? How long do the results last for your patients (published 6–18 months)? How many days until I can go back to work (published: 0–7 days of visible side effects)?",,,"low and typical and high figures from a weak source (clinic, vendor or unsourced page)",yes,,,,,,clinic-x,nhs-fillers',
            'Abdominoplasty,published,,surgical,Surgeon\'s fee only (excludes anaesthesia and facility),USD,8269.6,13954.95,0,0,"procedure $8,270–$13,955 + no upkeep published",8269.6,,13954.95,"$8,270–$13,955",8269.6,13954.95,8269.6,,13954.95,8000,,13500,,,1,1,1,none,long-lasting: no repeat is published,,,14,28,back-to-work,14–28 days off work,4,0.04,,,,,,,,,,,,,,,,,may fit,"May fit: it fits if the procedure costs at most $10,000 (published $8,270–$13,955).","if the procedure costs at most $10,000",,10000,,,,"The price shown here ($8,270–$13,955) is the surgeon\'s fee only: what do anaesthesia and the facility add, and what is the total price?",,,,yes,,,,,,asps-2024,asps-2024',
            'Botulinum toxin,published,,injectable,,,,,,,,,,,no price,,,,,,,,,,,1,1,1,periodic,repeated every 3–4 months,3,4,0,0,normal-activity,0 days until back to normal activities,2,,,,,,,,,,,,,,,,,,no price,No price: no published price in this market.,,,,,,"No published US price: add a clinic\'s quote, or enter your own price per session.","What does one session cost? Does the price include numbing cream, aftercare and follow-up visits? How long do the results last for your patients (published 3–4 months)?",,,,,,,,,,,nhs-botox',
            "",
            "Sources",
            "id,publisher,title,url,year,status",
            "asps-2024,ASPS,2024 report,https://www.plasticsurgery.org/r.pdf,2024,secondary",
            "clinic-x,Clinic X,Prices,http://clinic.example/prices,,weak",
            "nhs-botox,NHS,Botox injections,https://www.nhs.uk/botox,,primary",
            "nhs-fillers,NHS,Face and lip fillers,https://www.nhs.uk/fillers,,primary",
            "",
        ]
    )
).encode("utf-8")


@pytest.fixture
def catalog(small_dataset, small_data_dir):
    """The catalog as the app builds it (index file of the data folder), with the test index in that folder,
    so the bundled index's latest year (which moves when data is updated) does not enter the bytes."""
    (small_data_dir / inflation.INDEX_FILE).write_text(INDEX, encoding="utf-8")
    return build_catalog(small_dataset, inflation.load_price_index(inflation.index_location(small_data_dir)))


def test_csv_export_is_exactly_the_expected_bytes(catalog):
    content, name, mime = export_file(catalog, QUERY, "csv", EXPORTED)
    assert (name, mime) == ("treatment-comparison-20261125.csv", "text/csv")
    assert content == EXPECTED_CSV


def test_json_export_is_exactly_the_expected_bytes(catalog):
    content, name, mime = export_file(catalog, QUERY, "json", EXPORTED)
    assert (name, mime) == ("treatment-comparison-20261125.json", "application/json")
    assert content == (EXPECTED / "comparison-us-horizon5-budget10000.json").read_bytes()
