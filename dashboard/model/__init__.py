"""The cost model and the comparison: Dataset + Filters (+ quotes, assumptions) -> Comparison.

In: a validated Dataset, one `filters.Filters` value, the user's quotes and assumptions. Out:
`comparison.Comparison` (rows with per-session prices, initial course, maintenance and totals as
ranges with provenance, budget fit and what it hinges on, the inputs each cost lacks (codes), the Pareto front,
cumulative costs). Money is in the market's currency, adjusted by `inflation` when asked. Formats
no text for display beyond the sentences that explain a figure.
"""
