"""The catalogue: indicators, targets, layouts and the project that holds them."""
