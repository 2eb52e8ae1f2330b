"""A shared link keeps its filters whatever tracking parameters a newsletter or a social site adds to it; past
the length the page reads, a short page says so and links to the comparison with the filters kept."""

from dashboard.model.filters import MAX_QUERY, from_query

OWN = "concern=stretch-marks&market=UK&budget=2000"
TRACKING = "&utm_source=newsletter&utm_medium=email&fbclid=" + "x" * 4500


def test_tracking_parameters_are_dropped_and_the_filters_kept():
    filters = from_query("?" + OWN + TRACKING)
    assert (filters.concern, filters.market, filters.budget) == ("stretch-marks", "UK", 2000)


def test_the_page_address_is_sent_on_without_them(client):
    response = client.get("/?" + OWN + TRACKING)
    assert response.status_code == 302
    assert response.headers["Location"] == "/?" + OWN
    only_tracking = client.get("/?utm_source=x&gclid=y")
    assert (only_tracking.status_code, only_tracking.headers["Location"]) == (302, "/")
    assert client.get("/?" + OWN).status_code == 200  # a clean link is served as it is


def test_the_exports_at_a_link_keep_the_filters(client):
    response = client.get("/comparison.json?" + OWN + TRACKING)
    assert response.get_json()["query"] == OWN


def test_a_link_past_the_limit_says_so_and_links_to_the_filters_kept(client):
    response = client.get("/?" + OWN + "&junk=" + "y" * MAX_QUERY)
    assert response.status_code == 414
    text = response.get_data(as_text=True)
    assert "This link is too long" in text
    assert "<a href='/?concern=stretch-marks&amp;market=UK&amp;budget=2000'>" in text
