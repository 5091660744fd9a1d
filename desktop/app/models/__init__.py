"""Qt models over the store: lazy tables over row ids, and small in-memory lists."""
