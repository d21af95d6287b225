"""scorecards: performance scorecards for public services.

The package follows the stages of the design: ``catalogue`` (what is measured),
``store`` (figures), ``records`` and ``measures`` (figures computed from case
records), ``assess`` (RAG, direction of travel), ``narrate`` (commentary) and
``publish`` (HTML, PDF, JSON). ``cli`` is a thin command line over them.
"""

__version__ = "0.1.0"
