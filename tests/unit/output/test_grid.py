"""What the grid tooltip, the side-by-side view and the export say about where a price comes from."""

from dashboard.dataset.storage import open_dataset
from dashboard.model.comparison import build_catalog, compare
from dashboard.model.filters import Filters
from dashboard.output import grid, views
from dashboard.output.option_attributes import covers
from dashboard.output.table import export_frame
from tests.factory import PRICES, changed, write_dataset

SKIN_LASERS = "Skin treatment (combination lasers)"


def _labelled(folder, category):
    """The small dataset with the abdominoplasty price given as a figure for all of `category`."""
    return open_dataset(write_dataset(folder, prices=changed(PRICES, 3, category_average=category)))


def test_tooltip_says_a_category_figure_is_not_the_treatments_own(tmp_path):
    data = _labelled(tmp_path, SKIN_LASERS)
    comparison = compare(build_catalog(data), Filters(market="US"))
    rows = {r["id"]: r for r in grid.grid_rows(comparison, data)}
    said = f"figure for all of “{SKIN_LASERS}”, not this treatment's own price"
    assert said in rows["abdominoplasty"]["price_source_text"]
    assert "figure for all of" not in rows["ha-filler"]["price_source_text"]


def test_side_by_side_names_the_category_a_price_covers(tmp_path):
    data = _labelled(tmp_path, SKIN_LASERS)
    catalog = build_catalog(data)
    table = compare(catalog, Filters(market="US")).rows
    said = f"figure for all of “{SKIN_LASERS}”, not this treatment's own price"
    assert covers(table.loc["abdominoplasty"]) == said
    assert covers(table.loc["ha-filler"]) == ""
    html = str(views.side_by_side(table, ["abdominoplasty", "ha-filler"], data, 1, "US"))
    assert "Price covers" in html and "this treatment alone" in html


def test_export_says_a_category_figure_is_not_the_treatments_own(tmp_path):

    data = _labelled(tmp_path, SKIN_LASERS)
    table = export_frame(compare(build_catalog(data), Filters(market="US"))).set_index("Option")
    assert f"figure for all of “{SKIN_LASERS}”" in table.loc["Abdominoplasty", "How the price was read"]
    assert "figure for all of" not in table.loc["Hyaluronic-acid filler", "How the price was read"]
