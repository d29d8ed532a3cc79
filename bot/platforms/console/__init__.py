"""The console chat: the same commands as Telegram and Slack, drawn with rich in a terminal."""
