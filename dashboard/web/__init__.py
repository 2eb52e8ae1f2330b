"""Dash wiring: the page layout, the first view, callbacks, the comparison URLs and security headers.

In: the Catalog built once at start-up and each request's inputs (URL, controls, stored quotes and
assumptions), validated here before use. Out: the page and its updates. Holds no logic the command
line would also need: that lives in `model` and `output`.
"""
