"""How often the budget answer decides: `python -m bench.decisions`.

Runs `python -m dashboard export --format json` at four settings (US 3,000 and 10,000 over 5 years, UK 2,000
over 5 years and 8,000 over 3 years, over-budget options included) and counts, among the options with a
price, those answered "fits" or "over", or "may fit" with a numeric condition (the export's "hinge_text"
column: the input that decides and the figure it must stay within).
"""

from __future__ import annotations

import json
import subprocess
import sys

SETTINGS = (
    ("US", 3000, 5),
    ("US", 10000, 5),
    ("UK", 2000, 5),
    ("UK", 8000, 3),
)


def rows_at(market: str, budget: int, horizon: int) -> list[dict]:
    command = [sys.executable, "-m", "dashboard", "export", "--market", market, "--budget", str(budget)]
    command += ["--horizon", str(horizon), "--include-over-budget", "--format", "json", "--output", "-"]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out)["rows"]


def decided(row: dict) -> bool:
    """fits or over, or may fit with the condition it hinges on."""
    if row.get("budget_fit") in ("fits", "over"):
        return True
    text = row.get("hinge_text") or ""
    return row.get("budget_fit") == "may fit" and any(c.isdigit() for c in text)


def main() -> None:
    total = answered = 0
    for market, budget, horizon in SETTINGS:
        rows = [r for r in rows_at(market, budget, horizon) if r.get("budget_fit") not in (None, "no price")]
        n = sum(decided(r) for r in rows)
        may = sum(r.get("budget_fit") == "may fit" for r in rows)
        print(f"{market} {budget:,} over {horizon} years: {n} of {len(rows)} priced options decided ({may} may fit)")
        total, answered = total + len(rows), answered + n
    print(f"all four: {answered} of {total} ({answered / total:.0%})")


if __name__ == "__main__":
    main()
