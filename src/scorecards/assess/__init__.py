"""Assessment: RAG, direction of travel and what a scorecard row shows. No I/O."""
