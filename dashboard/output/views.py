"""HTML views built from frames: the side-by-side comparison, one option's details and the sources panel.

The attribute rows both comparison views show come from `option_attributes`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
from dash import html
from dash.development.base_component import ComponentType

from dashboard import vocab
from dashboard.dataset import pricelist
from dashboard.dataset.loader import Dataset
from dashboard.model import inflation
from dashboard.output import display, inflation_words, price_words, words
from dashboard.output.display import RowLike, row_of
from dashboard.output.option_attributes import Pairs, covers, side_by_side_rows
from dashboard.output.price_words import category_text, region_text, spread_text

_known = display.known
# What a cell of the views holds: text, or text with links (a list of strings and spans).
Linked = str | list[str | html.Span]


def source_link(sid: str, sources: pd.DataFrame) -> html.Span:
    """A source as a link (URLs are http(s), checked when the dataset loads) with its status."""
    if sid not in sources.index:
        return html.Span(sid)
    s = row_of(sources, sid)
    year = f", {int(s['year'])}" if _known(s["year"]) else ""
    return html.Span(
        [
            html.A(
                f"{s['publisher']}{year}",
                href=s["url"],
                target="_blank",
                rel="noopener noreferrer",
                title=f"{s['title']} — {vocab.STATUS_LABELS[s['status']]}",
            ),
            f" ({s['status']})",
        ]
    )


def _links(ids: Iterable[object], sources: pd.DataFrame) -> Linked:
    sids = [i for i in dict.fromkeys(ids) if isinstance(i, str)]
    if not sids:
        return "none"
    out: list[str | html.Span] = []
    for i, sid in enumerate(sids):
        if i:
            out.append("; ")
        out.append(source_link(sid, sources))
    return out


def _price_links(row: RowLike, sources: pd.DataFrame) -> Linked:
    """The sources of a row's price figures, each with the region its clinics are in when known."""
    kinds = vocab.FIGURE_KINDS
    pairs = dict.fromkeys((row.get(f"session_{k}_source"), row.get(f"session_{k}_region")) for k in kinds)
    out: list[str | html.Span] = []
    for sid, region in pairs:
        for one in pricelist.source_ids(sid):
            out += ["; "] if out else []
            out += [source_link(one, sources)] + ([region_text(region)] if region_text(region) else [])
    return out or "none"


def _used_for(row: RowLike, price: RowLike, kind: str) -> bool:
    """Whether the option's `kind` figure came from this price row: its source and status, its basis, and a unit
    the model turns into a session price (a source can give several rows, e.g. a fee and a total)."""
    convertible = price["unit"] in vocab.PER_SESSION_UNITS or price["unit"] == row.get("session_unit")
    return (
        row.get(f"session_{kind}_source") == price["source_id"]
        and row.get(f"session_{kind}_status") == price["status"]
        and row.get("basis") == price["basis"]
        and bool(convertible)
    )


def published_prices(row: RowLike, data: Dataset, market: str) -> str | html.Ul:
    """Every price row for the option's treatment in the market, as published, saying which figures
    the model used; rows not used stay visible here."""
    tid = row.get("treatment_id") if isinstance(row.get("treatment_id"), str) else row.get("id")
    prices = data.prices[(data.prices["treatment_id"] == tid) & (data.prices["market"] == market)]
    if prices.empty:
        return "none"
    publishers = dict(zip(data.sources["id"], data.sources["publisher"], strict=True))
    read_on = dict(zip(data.sources["id"], data.sources["read_on"], strict=True)) if "read_on" in data.sources else {}
    page_year = dict(zip(data.sources["id"], data.sources["year"], strict=True))
    items: list[html.Li] = []
    for _, p in prices.iterrows():
        symbol = vocab.CURRENCY_SYMBOL.get(p["currency"], "")
        figures = " / ".join(f"{k} {symbol}{p[k]:,.0f}" for k in vocab.FIGURE_KINDS if _known(p[k]))
        if _known(p["year"]):
            year = f", {int(p['year'])}"
        elif _known(page_year.get(p["source_id"])):
            year = f", {int(page_year[p['source_id']])} (the page's year; the row gives none)"
        else:
            year = words.undated_text(price_words.read_on_of(p["source_id"], read_on))
        kinds = [k for k in vocab.FIGURE_KINDS if _used_for(row, p, k)]
        note = f" — used for {', '.join(kinds)}" if kinds else " — not used"
        scope = category_text(p.get("category_average"))
        note = f"; {scope}{note}" if scope else note
        items.append(
            html.Li(
                f"{figures} per {p['unit']} ({vocab.BASIS_LABELS.get(p['basis'], p['basis'])}; "
                f"{price_words.publisher_text(p['source_id'], publishers)}{year}; {p['status']}){note}"
            )
        )
    return html.Ul(items, className="mb-0 ps-3")


def option_details(
    row: pd.Series,
    data: Dataset,
    horizon: int,
    market: str,
    index: inflation.PriceIndex = inflation.EMPTY_INDEX,
    prices_in: str = "published",
    budget: float | None = None,
) -> html.Section:
    """Everything about one option, as a definition list with its sources linked (`budget` in the market's
    currency, for the budget answer)."""
    symbol = display.symbol_of(market)
    sources = data.sources.set_index("id")
    items: list[html.Dt | html.Dd] = []
    for attribute, value in side_by_side_rows(row, horizon, symbol, index, prices_in, budget, market):
        items += [html.Dt(attribute, className="col-sm-4"), html.Dd(value, className="col-sm-8")]
    price_ids = [i for k in vocab.FIGURE_KINDS for i in pricelist.source_ids(row.get(f"session_{k}_source"))]
    items += [html.Dt("Price sources", className="col-sm-4"), html.Dd(_links(price_ids, sources), className="col-sm-8")]
    items += [
        html.Dt("Every published price in this market", className="col-sm-4"),
        html.Dd(published_prices(row, data, market), className="col-sm-8"),
    ]
    other = list(row.get("source_ids") or ()) + [row.get("evidence_source")]
    items += [html.Dt("Other sources", className="col-sm-4"), html.Dd(_links(other, sources), className="col-sm-8")]
    studies = list(row.get("trial_source_ids") or ())
    if studies:
        items += [
            html.Dt("Study sources", className="col-sm-4"),
            html.Dd(_links(studies, sources), className="col-sm-8"),
        ]
    return html.Section(
        [
            html.H3(f"Details: {row['name']}", className="h6"),
            html.Dl(items, className="row small mb-0"),
        ],
        className="card card-body mt-2",
        **{"aria-label": f"Details of {row['name']}"},  # type: ignore[arg-type]  # dash types no aria-* keywords
    )


def price_spread(row: RowLike) -> str:
    """'median of N clinic prices; low/high: 10th/90th percentile' when figures summarise clinic prices."""
    parts = [spread_text(k, row.get(f"session_{k}_rows")) for k in vocab.FIGURE_KINDS]
    return "; ".join(p for p in parts if p)


def side_by_side(
    table: pd.DataFrame,
    selected: list[str],
    data: Dataset,
    horizon: int,
    market: str,
    index: inflation.PriceIndex = inflation.EMPTY_INDEX,
    prices_in: str = "published",
    budget: float | None = None,
) -> html.Div | html.P:
    """Every attribute in rows, one column per option, differences highlighted, sources linked (`budget` in
    the market's currency, for the budget answer)."""
    chosen = [i for i in selected if i in table.index]
    if len(chosen) < 2:
        return html.P("Choose 2 to 4 options in “Compare side by side” to see them here.", className="text-muted")
    symbol = display.symbol_of(market)
    sources = data.sources.set_index("id")
    columns = {
        tid: side_by_side_rows(row_of(table, tid), horizon, symbol, index, prices_in, budget, market) for tid in chosen
    }
    header = html.Thead(
        html.Tr([html.Th("Attribute", scope="col")] + [html.Th(row_of(table, t)["name"], scope="col") for t in chosen])
    )
    options = [row_of(table, t) for t in chosen]
    body = [
        *_attribute_rows([columns[t] for t in chosen]),
        *_price_rows(options, data, market, sources),
        *_other_source_rows(options, sources),
    ]
    return html.Div(
        [
            html.P(
                [html.Span("Highlighted", className="diff-key"), " rows differ between the options."],
                className="small text-muted",
            ),
            html.Div(
                html.Table([header, html.Tbody(body)], className="table table-sm table-bordered bg-white"),
                className="table-responsive",
            ),
        ]
    )


def _attribute_rows(columns: list[Pairs]) -> list[html.Tr]:
    """One row per attribute, a cell per option (its `columns`: (attribute, text) pairs), highlighted where the
    options differ; a quote has rows of its own (the clinic, the quote's reading): every attribute any column
    has, in order, "—" where a column has none."""
    attributes = list(dict.fromkeys(a for column in columns for a, _ in column))
    by_name = [dict(column) for column in columns]
    rows: list[html.Tr] = []
    for attribute in attributes:
        values = [texts.get(attribute, "—") for texts in by_name]
        differs = len(set(values)) > 1
        rows.append(
            html.Tr(
                [
                    html.Th(attribute, scope="row"),
                    *[html.Td(v, className="diff-cell" if differs else None) for v in values],
                ],
                className="diff-row" if differs else None,
            )
        )
    return rows


def _labelled_row(label: str, cells: Iterable[ComponentType]) -> html.Tr:
    """A row of the table: its label, then a cell per option."""
    return html.Tr([html.Th(label, scope="row"), *[html.Td(cell) for cell in cells]])


def _price_rows(options: list[pd.Series], data: Dataset, market: str, sources: pd.DataFrame) -> list[html.Tr]:
    """Where each option's price comes from: its sources, their spread (when a figure summarises clinic prices),
    every price published in the market, and what the price covers (when a figure is a group's)."""
    rows = [_labelled_row("Price sources", [_price_links(o, sources) for o in options])]
    spreads = [price_spread(o) for o in options]
    if any(spreads):
        rows.append(_labelled_row("Price spread", [s or "published figures" for s in spreads]))
    published = [published_prices(o, data, market) for o in options]
    rows.append(_labelled_row("Every published price in this market", published))
    categories = [covers(o) for o in options]
    if any(categories):
        rows.append(_labelled_row("Price covers", [c or "this treatment alone" for c in categories]))
    return rows


def _other_source_rows(options: list[pd.Series], sources: pd.DataFrame) -> list[html.Tr]:
    """The sources of each option's studies (when any has some) and of its other facts."""
    rows: list[html.Tr] = []
    studies = [list(o.get("trial_source_ids") or ()) for o in options]
    if any(studies):
        rows.append(_labelled_row("Study sources", [_links(s, sources) if s else "none" for s in studies]))
    other = [list(o["source_ids"] or ()) + [o["evidence_source"]] for o in options]
    rows.append(_labelled_row("Other sources", [_links(ids, sources) for ids in other]))
    return rows


def sources_panel(data: Dataset, index: inflation.PriceIndex = inflation.EMPTY_INDEX) -> html.Div:
    """Every source in the dataset with its status, as links; then the price index used for inflation."""
    sources = data.sources.sort_values(["publisher", "title"])
    items: list[html.Li] = []
    for _, s in sources.iterrows():
        year = f" ({int(s['year'])})" if _known(s["year"]) else ""
        items.append(
            html.Li(
                [
                    html.A(
                        f"{s['publisher']}: {s['title']}{year}",
                        href=s["url"],
                        target="_blank",
                        rel="noopener noreferrer",
                    ),
                    html.Span(f" — {vocab.STATUS_LABELS[s['status']]}", className="text-muted"),
                ]
            )
        )
    counts = data.sources["status"].value_counts()
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in vocab.STATUSES)
    index_items = [
        html.Li(
            [
                html.A(f"{index.series[c]} ({c})", href=url, target="_blank", rel="noopener noreferrer"),
                f" — annual index {min(y for k, y in index.values if k == c)}–{index.latest_year(c)}",
            ]
        )
        for c, url in index.sources.items()
    ]
    return html.Div(
        [
            html.P(f"{len(sources)} sources: {summary}.", className="mt-2"),
            html.Ul(items, className="sources-list"),
            html.P(
                ["Price index for inflation: ", inflation_words.index_summary(index)],
                className="mt-2",
                id="price-index-note",
            ),
            html.Ul(index_items),
        ],
        id="sources-panel",
    )
