"""The page's texts around the table: what a person reads on a phone card, and that her own text shows as
she typed it."""

from dashboard.output.page_texts import card, card_groups, literal, over_budget_text

RECORD = dict(
    id="a",
    name="Glow Clinic [www.glow.example]",
    over=False,
    risk_tier=2,
    total_text="$1,200–$1,800\ncourse $1,200, upkeep $600",
    covers_text="",
    budget_fit="fits",
    budget_reason="$1,200 under your budget",
    fit_label="Fits",
    downtime_text="1–3 days",
    trial_text="",
    evidence_text="No trial result found",
    missing="",
)


def test_her_own_text_shows_literally_and_no_address_becomes_a_link():
    text = literal("Dr. *Smith*  <b>  see https://x.example or me@x.example")
    assert "*" not in text.replace("\\*", "")
    assert "<b>" not in text and "&lt;b\\>" in text
    assert "https:&#47;&#47;" in text and "&#64;" in text


def test_a_card_gives_the_total_its_parts_the_budget_downtime_risk_and_what_trials_found():
    lines = card(RECORD).splitlines()
    assert lines[0] == "### Glow Clinic \\[www\\.glow\\.example\\]"
    assert "- **Total:** $1,200–$1,800" in lines
    assert "- **Of which:** course $1,200, upkeep $600" in lines
    assert "- **Budget:** $1,200 under your budget" in lines
    assert "- **Risk tier:** 2 of 5" in lines
    assert "- **What trials found:** No trial result found" in lines
    assert not any(line.startswith("- **Price covers") for line in lines)


def test_cards_over_budget_come_in_their_own_group_only_when_there_are_any():
    within = card_groups([RECORD])
    assert [(g.ids, g.over) for g in within] == [(("a",), False)]
    over = dict(RECORD, id="b", over=True)
    groups = card_groups([over, RECORD])
    assert [(g.ids, g.over) for g in groups] == [(("a",), False), (("b",), True)]
    assert card_groups([over])[0].markdown == "" and card_groups([over])[0].ids == ()


def test_the_line_on_options_over_budget():
    assert over_budget_text(0) == ""
    assert over_budget_text(1) == "1 more option is over budget"
    assert over_budget_text(3) == "3 more options are over budget"
