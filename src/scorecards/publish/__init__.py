"""Publishing: lay a worked-out :class:`~scorecards.assess.view.ScorecardView` out as
files to read (HTML, PDF, JSON). Nothing here computes a figure, a rating or a
direction of travel."""
