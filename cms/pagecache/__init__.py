"""Whole-page caching of the citizen site for anonymous visitors (docs/operations.md, «Page cache»)."""
