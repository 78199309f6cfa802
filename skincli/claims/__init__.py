"""Marketing text: finding claimed effects and marketing patterns and grading them (check)."""
