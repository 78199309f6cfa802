"""Ingredient labels: splitting an INCI list, the EU CosIng inventory and annexes, and scan."""
