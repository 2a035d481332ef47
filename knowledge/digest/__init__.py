"""What a daily digest says."""
