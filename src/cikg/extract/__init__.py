"""Extraction: blocks of a loaded document -> facts (numbers, periods, names)."""

__all__: list[str] = []
