"""Event coding: article → "who did what to whom" events (see coder.Coder)."""

from riftwatch.coding.coder import SCHEMA_VERSION, Coder, coder_version, event_line

__all__ = ["SCHEMA_VERSION", "Coder", "coder_version", "event_line"]
