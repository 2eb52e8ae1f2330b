"""Getting data in: files, Parquet or PostgreSQL -> one validated `Dataset`, or a list of problems.

In: a data folder (four CSV tables, aliases.csv, price_index.csv; any table may be Parquet) or a
postgresql:// URL. Out: `loader.Dataset` (treatments, prices, concerns, sources, aliases), every
problem as `problems.Problem(file, line, column, message)`. The only module family that reads data.
Knows nothing of filters, the cost model or Dash.
"""
