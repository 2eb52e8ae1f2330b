"""Cosmetic treatment cost comparison: cited data, a cost model and a Dash dashboard."""

__version__ = "0.1.0"
