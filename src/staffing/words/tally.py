"""Words of the checker's reading of a plan as the outputs show it (checks.tally): what each
body was read as, in full (the report's table of bodies) and short (a chart's box)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "tally.long.mandatory": ("职能机构（必设）", "functional body (mandatory)"),
    "tally.long.optional": ("职能机构（自选）", "functional body (self-chosen)"),
    "tally.long.body": ("职能机构", "functional body"),
    "tally.long.nested": ("下属机构（不计入职能机构数）", "under another body (not counted)"),
    "tally.long.zone": ("开发区机构（一套班子，不计入职能机构数）", "development-zone body (shared leadership, not counted)"),
    "tally.long.category": ("{category}（不计入职能机构数）", "{category} (not counted)"),
    "tally.short.mandatory": ("职能机构·必设", "mandatory body"),
    "tally.short.optional": ("职能机构·自选", "self-chosen body"),
    "tally.short.body": ("职能机构", "functional body"),
    "tally.short.nested": ("下属机构·不计数", "nested, not counted"),
    "tally.short.zone": ("开发区机构·不计数", "zone body, not counted"),
    "tally.short.category": ("{category}·不计数", "{category}, not counted"),
}
