"""skincli: what a skincare ingredient really does, claim by claim, with the evidence for each."""

__version__ = "0.1.0"
