"""Markdown as HTML for the page: the Chinese guide and each check's explanation
(`staffing explain`), through markdown-it-py with raw HTML off (any markup written in the
text is shown as text) and links limited to the page's own and to web addresses."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

_ROOT = Path(__file__).resolve().parents[1]  # staffing/
IMAGE = re.compile(r"^(?:\.\./)?(?:docs/)?img/([A-Za-z0-9_-]+\.png)$")


def docs_dir() -> Path | None:
    """Where the guide lives: inside the installed package, or the repository's docs/."""
    for folder in (_ROOT / "docs", _ROOT.parents[1] / "docs"):
        if (folder / "guide.zh.md").is_file():
            return folder
    return None


@lru_cache(maxsize=2)
def _parser(breaks: bool = False) -> Any:
    """Raw HTML off; `breaks`: every line break kept (a check's explanation is written line
    by line; the guide's paragraphs are wrapped in the file)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "breaks": breaks})
    md.enable("table")
    rules: dict[str, Any] = md.renderer.rules  # type: ignore[attr-defined]
    default_image = rules.get("image")

    def image(tokens: Any, idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        found = IMAGE.match(token.attrGet("src") or "")
        if found is None:  # only the guide's own pictures, served by the page
            return ""
        token.attrSet("src", f"/docs/img/{found.group(1)}")
        return str(default_image(tokens, idx, options, env)) if default_image else ""

    rules["image"] = image
    md.validateLink = _valid_link  # type: ignore[method-assign]
    return md


def _valid_link(url: str) -> bool:
    """Links to the page itself, to a web address, or to one of the guide's pictures; no
    javascript: or data: address."""
    return url.startswith(("#", "http://", "https://", "/")) or IMAGE.match(url) is not None


def explanation_html(text: str) -> Markup:
    """A check's explanation (`staffing explain`): its first line as the heading, every
    other line kept as written."""
    head, _, rest = text.partition("\n")
    return to_html(f"## {head}\n\n{rest}", breaks=True, anchors=False)


def to_html(text: str, breaks: bool = False, anchors: bool = True) -> Markup:
    """`text` (Markdown) as HTML; with `anchors`, headings get ids from their text, so the
    guide's table of contents and a check's code can be linked to (an explanation shown
    beside each finding takes none: one page holds many)."""
    md = _parser(breaks)
    tokens = md.parse(text)
    used: set[str] = set()
    for i, token in enumerate(tokens):
        if anchors and token.type == "heading_open" and i + 1 < len(tokens):
            words = tokens[i + 1].content
            found = re.match(r"(ST\d{3})\b", words)
            anchor = found.group(1) if found else "h-" + str(i)
            while anchor in used:
                anchor += "-"
            used.add(anchor)
            token.attrSet("id", anchor)
    return Markup(md.renderer.render(tokens, md.options, {}))


@lru_cache(maxsize=2)
def guide_html() -> Markup | None:
    folder = docs_dir()
    if folder is None:
        return None
    return to_html((folder / "guide.zh.md").read_text(encoding="utf-8"))


def image_bytes(name: str) -> bytes | None:
    """A picture of the guide by its file name (docs/img/NAME.png), or None."""
    folder = docs_dir()
    if folder is None or not re.fullmatch(r"[A-Za-z0-9_-]+\.png", name):
        return None
    path = folder / "img" / name
    return path.read_bytes() if path.is_file() else None
