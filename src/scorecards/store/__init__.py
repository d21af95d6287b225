"""Figures: the values of indicators for periods and areas, and where they came from."""
