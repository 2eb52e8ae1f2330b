"""Five treatments (US): published vs adjusted typical per-session figure, the index values used, and 5-year typical totals."""
import math
from dashboard.comparison import build_catalog, compare
from dashboard.dataset import load_dataset
from dashboard.filters import Filters
from dashboard.inflation import index_location, load_price_index, adjustment_text

index = load_price_index(index_location(None))
catalog = build_catalog(load_dataset(), index)
latest = compare(catalog, Filters(market="US", horizon=5)).table
published = compare(catalog, Filters(market="US", horizon=5, prices_in="published")).table
for tid in ["microdermabrasion", "laser-hair-removal", "abdominoplasty", "lip-filler", "calcium-hydroxylapatite", "liposuction", "botulinum-toxin", "microneedling"]:
    year = latest.loc[tid, "session_typical_year"]
    total = lambda t: "unknown" if math.isnan(t.loc[tid, "total_typical"]) else f"{t.loc[tid, 'total_typical']:,.2f}"
    print(f"{tid}: published ${published.loc[tid, 'session_typical']:,.2f} ({'no year' if math.isnan(year) else int(year)}) -> "
          f"${latest.loc[tid, 'session_typical']:,.2f}; {adjustment_text('USD', year, index, 'latest')}; "
          f"5-yr typical total {total(published)} -> {total(latest)}")
