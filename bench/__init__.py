"""Benchmarks: synthetic clinic price lists and `python -m bench` (see README)."""
