"""Scoring of the text stages on the gold sets of ../shared: source checkout only, not in the wheel."""
