"""Small builders shared by the page's panels."""

from __future__ import annotations

from dash import html


def labelled(control_id: str, label: str | list, control, help_text: str | None = None) -> html.Div:
    """A control under a visible label bound to it, with optional help text."""
    children = [html.Label(label, htmlFor=control_id, className="control-label", id=f"{control_id}-label"), control]
    if help_text:
        children.append(html.Div(help_text, className="control-help", id=f"{control_id}-help"))
    return html.Div(children, className="mb-3")
