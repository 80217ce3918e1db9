"""The review page (`staffing serve`): `app` (the ASGI application and its guard), `upload`
(forms read in memory within bounds), `work` (the bounded pool of worker processes), `jobs`
(what the workers do, through the one pipeline), `pages` and `markdown` (the HTML)."""
