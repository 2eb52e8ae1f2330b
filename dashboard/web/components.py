"""Small builders shared by the page's panels."""

from __future__ import annotations

from typing import Literal, TypedDict

from dash import html
from dash.development.base_component import Component

# HTML's aria-* attributes reach a Dash component only as keywords its signature does not name (a Python name
# cannot hold "-"), spread from a dict. Spread from one of these, each key is known to go to those keywords.
AriaLive = TypedDict("AriaLive", {"aria-live": str})
AriaLabel = TypedDict("AriaLabel", {"aria-label": str})
AriaLabelledBy = TypedDict("AriaLabelledBy", {"aria-labelledby": str})


def aria_live(politeness: Literal["polite", "assertive", "off"]) -> AriaLive:
    """aria-live: how a screen reader announces a change of the element's content."""
    return {"aria-live": politeness}


def aria_label(text: str) -> AriaLabel:
    """aria-label: the element's name for a screen reader, when its visible text does not say enough."""
    return {"aria-label": text}


def aria_labelledby(element_id: str) -> AriaLabelledBy:
    """aria-labelledby: the element named by the text of another (a section by its heading)."""
    return {"aria-labelledby": element_id}


def labelled(control_id: str, label: str | list, control: Component, help_text: str | None = None) -> html.Div:
    """A control under a visible label bound to it, with optional help text."""
    children = [html.Label(label, htmlFor=control_id, className="control-label", id=f"{control_id}-label"), control]
    if help_text:
        children.append(html.Div(help_text, className="control-help", id=f"{control_id}-help"))
    return html.Div(children, className="mb-3")
