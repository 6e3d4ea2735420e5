"""Trained spaCy pipelines shipped with radsdok (see models/README.md for how they are built)."""
