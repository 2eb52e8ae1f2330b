"""The comparison at a URL: /comparison.csv, /comparison.xlsx and /comparison.json with the page's
own query string. Same filters parser as the page, same export path as the buttons and the CLI."""

from __future__ import annotations

import datetime as dt

from flask import Response, abort, request

from dashboard.model.comparison import Catalog
from dashboard.model.filters import from_query
from dashboard.output.export import FORMATS, export_file
from dashboard.quotes.dates import utc_today


def comparison_response(catalog: Catalog, fmt: str, query: str, today: dt.date) -> Response:
    """The export for a query string; invalid parameters fall back to their defaults, as on the page."""
    content, name, mime = export_file(catalog, from_query(query, catalog.treatment_ids), fmt, today)
    disposition = "inline" if fmt == "json" else "attachment"
    response = Response(content, mimetype=mime)
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


FAVICON_PATH = "/_favicon.ico"
# The page links the icon with Dash's version in its URL, so a browser may keep it for a year. Without this,
# Chromium asks for it again each time the page rewrites its URL, that is on every change of a filter.
FAVICON_CACHE = "public, max-age=31536000, immutable"


def register_endpoints(server, catalog: Catalog) -> None:
    """Add the /comparison.<format> routes to the Flask server, and let browsers keep the icon."""

    @server.after_request
    def keep_icon(response: Response) -> Response:
        if request.path == FAVICON_PATH and response.status_code == 200:
            response.headers["Cache-Control"] = FAVICON_CACHE
        return response

    @server.route("/comparison.<fmt>", methods=["GET"])
    def comparison_file(fmt: str):
        if fmt not in FORMATS:
            abort(404)
        query = request.query_string.decode("utf-8", errors="replace")
        return comparison_response(catalog, fmt, query, utc_today())
