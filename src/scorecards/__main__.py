"""``python -m scorecards``: the command line."""

from scorecards.cli import app

app(prog_name="scorecards")
