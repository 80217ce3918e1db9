"""The page's HTML: Jinja2 templates with autoescape (every text from a plan or an upload is
shown as text, never markup), every word from the catalogue (`serve.*`), and the few
helpers the templates share.  Rendered in the server (forms, guides, errors) and in the
workers (results), the same way."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2

from staffing import __version__
from staffing.messages import render
from staffing.report.environment import page_environment

HERE = Path(__file__).parent
LANGS = ("zh", "en")


def word(key: str, lang: str, **params: object) -> str:
    """A word of the page from the catalogue (`serve.<key>`)."""
    return render(f"serve.{key}", lang, dict(params))


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    return page_environment(HERE / "templates")


def page(template: str, lang: str, default_lang: str, path: str = "/", **context: Any) -> str:
    """A whole page in `lang`; links keep the language when it is not the server's own."""

    def url(path: str, **query: str) -> str:
        if lang != default_lang:
            query = {"lang": lang, **query}
        return path + ("?" + urlencode(query) if query else "")

    other = "en" if lang == "zh" else "zh"
    return environment().get_template(template).render(
        lang=lang,
        other_lang=other,
        default_lang=default_lang,
        w=lambda key, **params: word(key, lang, **params),
        url=url,
        path=path,
        version=__version__,
        **context,
    )
