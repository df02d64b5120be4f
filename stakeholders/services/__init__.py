"""Every write to the register goes through these services; other apps call them, never the tables."""
