"""Pure regionbot logic, no Telegram: normalise → extract → store → index → answer → digest."""
