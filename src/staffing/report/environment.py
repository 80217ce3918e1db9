"""How every page of the tool is rendered from its Jinja2 templates (the review report and
the review desk's pages): escaped, every plan string made visible, an undefined name an
error.  Kept apart from the report's page (`report.html`) so that the review desk loads
Jinja2 without the checks and the plan model behind the report."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from staffing.errors import visible


def _shown(value: object) -> object:
    """Every text put into a page (escaped after this by autoescape): control, bidi and
    zero-width characters written as escapes, so a name reads as what it is.  Markup (our
    stylesheet, the checked SVG, rendered Markdown) is left alone."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value)
    return value


def page_environment(folder: Path) -> jinja2.Environment:
    """The templates in `folder` as every page of the tool renders them."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        finalize=_shown,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
