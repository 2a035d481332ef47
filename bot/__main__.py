"""`python -m bot` runs the regionbot command line."""

from bot.cli import app

app(prog_name="regionbot")
