"""riftwatch: detect sharp shifts in political relationships from a news stream."""

__version__ = "0.1.0"
