"""The comparison at a URL: /comparison.csv, /comparison.xlsx and /comparison.json with the page's
own query string. Same filters parser as the page, same export path as the buttons and the CLI."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Collection

from flask import Flask, Response, abort, redirect, request
from werkzeug.wrappers import Response as BaseResponse

from dashboard.model.comparison import Catalog
from dashboard.model.filters import MAX_QUERY, from_query, kept_query
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


def page_address_response(query: str, treatment_ids: Collection[str]) -> BaseResponse | None:
    """For the page's own address: a link carrying parameters the page does not use (utm_source, fbclid…) is
    sent on to the same address without them (302), so the page, its layout request and its state read only
    its own; a link longer than MAX_QUERY gets a short page saying so, with a link to the page with its
    filters kept (414). None: the address is served as it is."""
    if len(query) > MAX_QUERY:
        kept = from_query(kept_query(query), treatment_ids).to_query()
        target = html.escape("/" + (f"?{kept}" if kept else ""), quote=True)
        body = (
            "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>This link is too long</title></head>"
            f"<body><h1>This link is too long</h1><p>It has {len(query):,} characters after the “?”; the page reads "
            f"at most {MAX_QUERY:,}. Most of it is not the comparison's own settings.</p>"
            f"<p><a href='{target}'>Open the comparison with its filters kept</a></p></body></html>"
        )
        return Response(body, status=414, mimetype="text/html")
    kept = kept_query(query)
    if kept != query.lstrip("?"):
        return redirect("/" + (f"?{kept}" if kept else ""), code=302)
    return None


FAVICON_PATH = "/_favicon.ico"
# The page links the icon with Dash's version in its URL, so a browser may keep it for a year. Without this,
# Chromium asks for it again each time the page rewrites its URL, that is on every change of a filter.
FAVICON_CACHE = "public, max-age=31536000, immutable"


def register_endpoints(server: Flask, catalog: Catalog) -> None:
    """Add the /comparison.<format> routes to the Flask server, and let browsers keep the icon."""

    @server.after_request
    def keep_icon(response: Response) -> Response:
        if request.path == FAVICON_PATH and response.status_code == 200:
            response.headers["Cache-Control"] = FAVICON_CACHE
        return response

    @server.before_request
    def page_address() -> BaseResponse | None:
        if request.path != "/" or request.method != "GET":
            return None
        return page_address_response(request.query_string.decode("utf-8", errors="replace"), catalog.treatment_ids)

    @server.route("/comparison.<fmt>", methods=["GET"])
    def comparison_file(fmt: str) -> Response:
        if fmt not in FORMATS:
            abort(404)
        query = request.query_string.decode("utf-8", errors="replace")
        return comparison_response(catalog, fmt, query, utc_today())
