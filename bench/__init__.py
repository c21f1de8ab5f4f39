"""Benchmarks of the chat backend: ``make bench`` (``uv run python -m bench --help``)."""
