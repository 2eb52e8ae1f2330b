"""Fixed vocabularies of the dataset and the app, declared once."""

CATEGORIES = (
    "resurfacing",
    "laser-light",
    "energy-based",
    "microneedling",
    "injectable",
    "topical",
    "surgical",
)
INVASIVENESS = ("non-invasive", "minimally-invasive", "surgical")
PERFORMERS = ("aesthetician", "nurse", "physician", "dermatologist", "plastic-surgeon", "self")
ANAESTHESIA = ("none", "topical", "local", "sedation", "general")
# A daily treatment (topical tretinoin) counts months: one session is one month of use.
# The kinds of a figure (a price, a count, a cost): every low / typical / high column is named with them.
FIGURE_KINDS = ("low", "typical", "high")
FIGURE_BOUNDS = ("low", "high")
SESSION_UNITS = ("syringe", "vial", "area", "unit", "month")
# Units counted per session (a syringe, vial, area or toxin unit): a price per one of them is a session price
# only through the treatment's units per session.
COUNTED_UNITS = ("syringe", "vial", "area", "unit")
# as-needed: sources say results fade and the treatment is repeated, but publish no interval;
# the cost model treats it like unknown (the total is at least the initial course).
MAINTENANCE = ("none", "periodic", "as-needed", "unknown")
# Facts of treatments.csv that may rest on clinic pages alone (`weak_facts`): each is then flagged where shown.
WEAK_FACTS = ("sessions", "interval", "results", "downtime")
# Maintenance values whose total over a horizon cannot be computed: the initial course is a lower bound.
OPEN_ENDED_MAINTENANCE = ("as-needed", "unknown")
DOWNTIME_MEASURES = (
    "back-to-work",
    "normal-activity",
    "social",
    "skin-healing",
    "side-effects",
    "recovery",
)
RISK_TIERS = (1, 2, 3, 4, 5)

CONCERNS = (
    "stretch-marks",
    "fine-lines",
    "volume-loss",
    "lip-volume",
    "acne-scars",
    "skin-texture",
    "pigmentation",
    "redness",
    "skin-laxity",
    "excess-skin",
    "unwanted-fat",
    "unwanted-hair",
    "tattoo",
    "nose-shape",
    "breast-shape",
    "eyelid-ageing",
)
EVIDENCE_LEVELS = ("A", "B", "C")

# trial_results.csv: how a study compared (see data/README.md, "trial_results.csv")
TRIAL_DESIGNS = ("randomised", "split-body", "two-arm", "no-control", "meta-analysis")
# designs with a concurrent control arm, whose share on the same threshold gives a number needed to treat
CONTROLLED_DESIGNS = ("randomised", "split-body", "two-arm")
RANDOMISED = ("yes", "no", "not-stated")
# what the control arm received: nothing active (vehicle, placebo, untreated side) or another treatment
COMPARATOR_KINDS = ("none", "inactive", "active")
TRIAL_COUNTS = ("patients", "folds", "sides")
# whether the study found the difference between its arms more than chance, as it states it
DIFFERENCES = ("significant", "not-significant", "not-stated")

MARKETS = ("US", "UK", "US-FL", "US-GA", "US-NY", "US-CA")
MARKET_CURRENCY = {"US": "USD", "UK": "GBP", "US-FL": "USD", "US-GA": "USD", "US-NY": "USD", "US-CA": "USD"}
CURRENCY_SYMBOL = {"USD": "$", "GBP": "£"}
# "Prices in": the latest complete year of the currency's price index, or as the sources published them.
PRICES_IN = ("latest", "published")

# Units a price can be quoted in. Per-session units convert one to one; counted units
# (syringe, vial, area, unit, month) convert with the treatment's units per session; the rest
# (course, gram, tube) cannot be turned into a session price and are shown only.
PRICE_UNITS = ("session", "procedure", "syringe", "vial", "area", "unit", "month", "course", "gram", "tube")
PER_SESSION_UNITS = ("session", "procedure")
BASES = ("total-price", "not-stated", "surgeon-fee")
STATUSES = ("primary", "corroborated", "secondary", "weak")
# what a source's year is: when the page or paper was published, or when the page was last reviewed or updated
YEAR_KINDS = ("published", "reviewed")

# Words a user sees for the stored values.
CONCERN_LABELS = {c: c.replace("-", " ").capitalize() for c in CONCERNS}
BASIS_LABELS = {
    "total-price": "Total price",
    "not-stated": "Basis not stated",
    "surgeon-fee": "Surgeon's fee only (excludes anaesthesia and facility)",
    "your-quote": "Your quote (as the clinic quoted it)",
    "your-assumption": "Your assumption (price per session you entered)",
}
STATUS_LABELS = {
    "primary": "Primary: read in the source itself",
    "corroborated": "Corroborated: quoted by two or more independent third parties",
    "secondary": "Secondary: seen only quoted by a third party",
    "weak": "Weak: clinic, vendor or unsourced page; an illustration only",
}
