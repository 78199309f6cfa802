"""Renderers: one module per output format, each turning views (plain dicts) into text."""
