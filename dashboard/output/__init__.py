"""Presentation: a Comparison -> figures, grid rows, side-by-side view, CSV/XLSX/JSON bytes.

In: a `model.comparison.Comparison` and the Dataset (for source names). Out: plain figure dicts,
JSON-safe grid rows, Dash HTML components, export bytes. Pure: no callbacks, no I/O, and it never
runs the cost model (except `export.export_file`, the one export path the page, the comparison URLs
and the command line share, which asks the model for the comparison it writes). It also says in words what the
model finds as values for the command line: the data's gaps (`coverage_report`) and the price rows left out
(`price_use_words`).
"""
