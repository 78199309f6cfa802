"""The knowledge base: its model, reading and validating YAML, the cache, and look-ups over it."""
