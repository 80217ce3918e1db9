"""The review report a reviewer signs: `build` (what it shows), `html` (the page, from
Jinja2 templates), `pdf` (the page printed by WeasyPrint)."""
