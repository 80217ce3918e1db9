"""The catalogue's words by area, each a dict of key → (Chinese, English); `staffing.messages`
merges them into the one catalogue."""
