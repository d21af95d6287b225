"""Narrate: commentary drafted from the assessment, where an analyst's text wins.

This stage reads only the worked-out view of :mod:`scorecards.assess` and returns a
new view with each commentary section filled as its layout asks (see
:func:`draft_commentary`).
"""

from scorecards.narrate.draft import draft_commentary, draft_paragraph, draft_text

__all__ = ["draft_commentary", "draft_paragraph", "draft_text"]
