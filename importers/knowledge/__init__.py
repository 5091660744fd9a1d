"""Field knowledge: notes from daily reports and quick capture, search, briefs, recognition."""
