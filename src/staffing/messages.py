"""The one catalogue of messages users read, in simplified Chinese and English.

Keys are a check's code (with an optional ".variant") or an input/pack/CLI error key.
Templates use str.format fields; list values are joined the way each language joins
them.  No policy number is written here: every number comes in as a parameter.
"""

from __future__ import annotations

import importlib
import re
import string
import threading
from typing import Any

from staffing import vocabulary
from staffing.words import Words

_SHARED: dict[str, tuple[str, str]] = {
    # ---- checks -------------------------------------------------------------------------
    # Chinese: 编制 and 职数 counted in 名, people in 人, bodies and items in 个/项; no space
    # between Chinese text and an inserted value; full-width punctuation.  Values shown in
    # Chinese text are Chinese (titles, labels), never ids.  tests/project/test_messages.py holds
    # every entry to this.
    # the outcome "cannot check" of any check: a figure or section it needs is unknown
    "unknown": ("无法检查：{what}未知", "cannot check: {what} unknown"),
    "unknown.section": ("无法检查：方案未提供{section}", "cannot check: the plan does not provide {section}"),
    "unknown.of": ("{name}的{what}", "{what} of {name}"),
    "field.approved": ("核定职数", "approved posts"),
    "label.grid-count": ("网格数", "number of grids"),
    "label.grid-workers": ("网格员人数", "number of grid workers"),
    "label.resident-population": ("常住人口", "resident population"),
    "county.quotas_before": ("县级改革前", "before the reform (county)"),
    "county.quotas_after": ("县级改革后", "after the reform (county)"),
    "field.filled": ("实配职数", "posts filled"),
    "field.actual": ("实有人数", "people in post"),
    "field.quota-total": ("编制总数", "total quota"),
    # a quota type judged by the total the plan states, where a part of it is unknown
    "quota.stated": ("方案所列合计{type}", "the stated total {type}"),
    "label.baseline-leadership-posts": ("改革前领导职数", "leadership posts before the reform"),
    # ---- quota types ----------------------------------------------------------------------
    # how each language joins a list, a label and its value, two clauses
    "sep.list": ("、", ", "),
    "sep.colon": ("：", ": "),
    "sep.clause": ("；", "; "),
    "sep.changes": ("；", ", "),
    # what a pack may switch on and off in a check (the check's own options are labelled beside it)
    "option.enabled": ("启用状态", "enabled"),
    "option.severity": ("严重程度", "severity"),
    # ---- labels of places in a plan (finding trails) and of the 1+4 elements and lists ----
    'label.approval-services-in-one-window-an-appro': ('审批服务一窗口（行政审批机构）', 'approval services in one window (an approval body)'),
    'label.baseline': ('改革前基数', 'baseline'),
    'label.budget-funded-people': ('财政供养人员', 'budget-funded people'),
    'label.command-in-one-centre': ('指挥调度一中心', 'command in one centre'),
    'label.delegated-powers': ('赋权事项', 'delegated powers'),
    'label.dispatched-units': ('派驻机构', 'dispatched units'),
    'label.empowerment-list': ('赋权清单', 'empowerment list'),
    'label.enforcement-in-one-team-an-enforcement-b': ('综合执法一队伍（综合行政执法机构）', 'enforcement in one team (an enforcement body)'),
    'label.functional-bodies': ('职能机构', 'functional bodies'),
    'label.governance-in-one-grid': ('基层治理一网格', 'governance in one grid'),
    'label.grid': ('网格', 'grid'),
    'label.institutions': ('事业单位', 'institutions'),
    'label.lead-and-supporting-responsibility-list': ('主体责任与配合责任清单', 'lead-and-supporting-responsibility list'),
    'label.leadership-posts': ('领导职数', 'leadership posts'),
    'label.lists': ('清单', 'lists'),
    'label.party-leadership-a-party-building-body': ('加强党的全面领导（党建工作机构）', 'Party leadership (a Party-building body)'),
    'label.power-list': ('权力清单', 'power list'),
    'label.quotas': ('编制', 'quotas'),
    'label.responsibility-list': ('责任清单', 'responsibility list'),
    'label.service-list': ('服务清单', 'service list'),
    "label.sub-units": ("内设科室、中队", "sections and squads"),
    'label.total': ('编制总数', 'total'),
    'label.totals': ('合计', 'totals'),
    'label.transfers': ('编制划转', 'transfers'),
    # where a value stands, said in words (an input error's field, a repeated name's place)
    "place.item": ("第{n}项", "item {n}"),
    "place.of": ("{owner}的{part}", "the {part} of {owner}"),
    "place.owned-field": ("{owner}的{part}{said}的{field}", "{field} of {said} ({part} of {owner})"),
    "place.listed-field": ("{list}{said}的{field}", "{field} of {said} ({list})"),
    "place.listed": ("{list}{said}", "{said} ({list})"),
    "value.yes": ("是", "yes"),
    "value.no": ("否", "no"),
    "value.none": ("无", "none"),
    # ---- kinds of value, for "a plan must be a mapping, not a …" -----------------------------
    "kind.list": ("列表", "list"),
    "kind.str": ("文字", "string"),
    "kind.int": ("数字", "number"),
    "kind.float": ("数字", "number"),
    "kind.bool": ("真假值", "true/false"),
    "kind.date": ("日期", "date"),
    "kind.datetime": ("日期", "date"),
    "kind.other": ("值", "value"),
    "place.line": ("第{line}行", "line {line}"),
    "run.more-findings": (
        "同一检查另有{count}处问题未逐条列出（已列出{listed}处；每个文件每项检查最多列出的条数有上限）",
        "{count} more findings of this check not listed ({listed} listed; findings listed per check and file are capped)",
    ),
    "label.nameplates": ("加挂牌子", "extra nameplates"),
    "label.support-center": ("综合服务中心", "support service centre"),
    # parts of a plan an input error may name that the workbook has no column of their own for
    "label.population": ("人口", "population"),
    "label.absorbed": ("并入单位", "merged institutions"),
    "label.is-support-center": ("综合服务中心标记", "support-centre mark"),
}


# The plan format's vocabulary joins the catalogue now; a check's own words (beside its code in
# staffing.checks) when the check registers; each area's words (staffing.words) the first time
# a key of the area is asked for, by the key's first part: a one-file check never reads the
# workbook's, the help's or the report's words.
AREAS: dict[str, str] = {prefix: area for area, prefixes in {
    "reading": ("input", "syntax", "os", "git", "schema", "pack", "config", "skip", "waiver"),
    "workbook": ("xlsx",),
    "cli": ("cli", "help", "argparse", "explain", "rules", "ci", "guide", "convert", "init", "hook"),
    "reporters": ("report", "roles", "rollup", "summary"),
    "report": ("rpt",),
    "charts": ("chart", "render"),
    "diff": ("diff",),
    "lsp": ("lsp",),
    "serve": ("serve",),
    "tally": ("tally",),
}.items() for prefix in prefixes}


_LOADING = threading.Lock()


class _Catalogue(dict[str, tuple[str, str]]):
    """The one catalogue: key → (Chinese, English), each area's words read when first needed."""

    def __init__(self, shared: dict[str, tuple[str, str]]) -> None:
        super().__init__(shared)
        self.loaded: set[str] = set()

    def __missing__(self, key: str) -> tuple[str, str]:
        self._load(key)
        found = dict.get(self, key)
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        if dict.__contains__(self, key):
            return True
        self._load(key)
        return dict.__contains__(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        if key in self:
            return dict.__getitem__(self, key)
        return default

    def _load(self, key: object) -> None:
        """The words of the key's area merged in, once, whichever thread asks first (the page
        draws its charts on threads of its own)."""
        area = AREAS.get(str(key).split(".", 1)[0])
        if area is None or area in self.loaded:
            return
        with _LOADING:
            if area in self.loaded:
                return
            words: dict[str, tuple[str, str]] = importlib.import_module(f"staffing.words.{area}").WORDS
            for k, v in words.items():
                self.setdefault(k, v)
            self.loaded.add(area)  # only once every word is in: another thread may be looking

    def everything(self) -> _Catalogue:
        """Every area's words read (for what lists the whole catalogue: its tests)."""
        for area in sorted(set(AREAS.values())):
            self._load(next(p for p, a in AREAS.items() if a == area) + ".")
        return self


CATALOGUE = _Catalogue(_SHARED)
CATALOGUE.update(vocabulary.catalogue())

_JOIN = {"zh": "、", "en": ", "}


def plural(n: object, one: str, many: str) -> str:
    """"1 plan", "2 plans": a count and its English noun."""
    return f"{n} {one if n == 1 else many}"


class _Formatter(string.Formatter):
    """str.format, plus "{n:plan|plans}" for a count with its English noun in the right
    number (Chinese needs no such form)."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, _, many = format_spec.partition("|")
            return plural(value, one, many)
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


_HALF = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
# compiled by the first text that needs them: a class of the Han ranges takes Python ~2 ms to
# compile, and most quotes of the packs have no half-width mark to mend
_HALF_NEAR_CHINESE = r"(?<=[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”])\s*([,;:()!?])|([,;:()!?])\s*(?=[\u3400-\u9fff“”])"
_CHINESE = "[\u3400-\u9fff]"


def full_width(text: str) -> str:
    """Half-width punctuation next to Chinese made full-width (a quote from a seed file
    that was saved with ASCII commas reads as the document has it)."""
    if any(mark in text for mark in _HALF):
        text = re.sub(_HALF_NEAR_CHINESE, lambda m: _HALF[m.group(1) or m.group(2)], text)
    if '"' in text and text.count('"') % 2 == 0 and re.search(_CHINESE, text):  # "5张清单" → “5张清单”
        parts = text.split('"')
        text = "".join(p + ("“" if i % 2 == 0 else "”") if i < len(parts) - 1 else p for i, p in enumerate(parts))
    return text


def close_matches(word: str, possibilities: Any, n: int = 3, cutoff: float = 0.6) -> list[str]:
    """`difflib.get_close_matches`, with difflib imported only when a suggestion is needed
    (a run without a mistake never needs it)."""
    import difflib

    return difflib.get_close_matches(word, possibilities, n=n, cutoff=cutoff)


def did_you_mean(words: str | list[str] | None, lang: str) -> str:
    """"，是否应为“a”或“b”？": a suggestion, or nothing."""
    if not words:
        return ""
    if isinstance(words, str):
        words = [words]
    zh, en = CATALOGUE["input.did-you-mean"]
    joiner = "”或“" if lang == "zh" else "” or “"
    return (zh if lang == "zh" else en).format(word=joiner.join(dict.fromkeys(words)))


def hint_words(words: str | list[str] | None) -> Words:
    """A suggestion in both languages (`did_you_mean`), or nothing in either."""
    return Words(did_you_mean(words, "zh"), did_you_mean(words, "en"))


_QUOTED_FIELD = re.compile(r"“\{(\w+)\}”")


def inner_quotes(text: str) -> str:
    """A name shown inside “…”: its own double quotes become single ones (“…‘三整合’…”)."""
    if '"' in text and text.count('"') % 2 == 0:
        parts = text.split('"')
        text = "".join(p + ("‘" if i % 2 == 0 else "’") if i < len(parts) - 1 else p for i, p in enumerate(parts))
    return text.replace("“", "‘").replace("”", "’")


def check_name(code: str, slug: str, lang: str) -> str:
    """How a check is named next to its code: its Chinese title in Chinese output (a slug
    is an identifier), its slug in English."""
    if lang == "zh" and f"title.{code}" in CATALOGUE:
        return CATALOGUE[f"title.{code}"][0]
    return slug


def label(key: str) -> tuple[str, str]:
    """A (zh, en) pair from the catalogue, for text that is put together elsewhere
    (a finding's trail, a list element's name)."""
    return CATALOGUE[key]


def text(key: str, lang: str) -> str:
    """The entry `key` in `lang`, with no fields to fill."""
    zh, en = CATALOGUE[key]
    return zh if lang == "zh" else en


# The operating system's reasons (strerror, in English whatever the locale) by their words.
_OS_REASONS: tuple[tuple[str, str], ...] = (
    ("permission denied", "os.permission"), ("operation not permitted", "os.permission"),
    ("no such file", "os.missing"), ("no space left", "os.no-space"), ("quota exceeded", "os.quota"),
    ("read-only file system", "os.read-only"), ("is a directory", "os.is-directory"),
    ("not a directory", "os.not-directory"), ("file name too long", "os.name-too-long"),
    ("too many levels of symbolic links", "os.loop"), ("resource busy", "os.busy"),
    ("text file busy", "os.busy"), ("input/output error", "os.io"), ("file exists", "os.exists"),
    ("no reader on the pipe", "os.no-reader"), ("broken symbolic link", "os.broken-link"),
    ("not a regular file, a device or a pipe", "os.special"), ("broken pipe", "os.pipe-closed"),
)


def os_reason(reason: object) -> str:
    """The operating system's reason for refusing (its English strerror) in Chinese."""
    said = str(reason).lower()
    key = next((k for words, k in _OS_REASONS if words in said), "os.other")
    return CATALOGUE[key][0]


# What git says on stderr, by its words.
_GIT_REASONS: tuple[tuple[str, str], ...] = (
    ("does not exist in", "git.no-file"), ("exists on disk, but not in", "git.no-file"),
    ("invalid object name", "git.no-revision"), ("bad revision", "git.no-revision"),
    ("unknown revision", "git.no-revision"), ("not a valid object name", "git.no-revision"),
    ("not a git repository", "git.no-repository"), ("no such file or directory", "git.not-run"),
)


def git_reason(reason: object) -> str:
    """Why git could not give a file's old version, in Chinese."""
    said = str(reason).lower()
    key = next((k for words, k in _GIT_REASONS if words in said), "git.other")
    return CATALOGUE[key][0]


def _shown(value: Any, lang: str, joiner: str) -> Any:
    """A parameter as a message shows it: `Words` in the message's language, a list joined
    the way the language joins lists."""
    if isinstance(value, Words):
        return value(lang)
    if isinstance(value, (list, tuple)):
        return joiner.join(x(lang) if isinstance(x, Words) else str(x) for x in value)
    return value


def words(key: str, params: dict[str, Any] | None = None) -> Words:
    """The message `key` in both languages, filled with params."""
    return Words(render(key, "zh", params or {}), render(key, "en", params or {}))


def render(key: str, lang: str, params: dict[str, Any]) -> str:
    """The message `key` in `lang` ("zh" or "en"), filled with params."""
    zh, en = CATALOGUE[key]
    template = zh if lang == "zh" else en
    joiner = _JOIN.get(lang, ", ")
    shown = {k: _shown(v, lang, joiner) for k, v in params.items()}
    if "{reason_zh}" in template and "reason_zh" not in shown:  # an OS reason, said in Chinese
        shown["reason_zh"] = os_reason(shown.get("reason", ""))
    if "{git_zh}" in template and "git_zh" not in shown:  # git's reason, said in Chinese
        shown["git_zh"] = git_reason(shown.get("reason", ""))
    for name in _QUOTED_FIELD.findall(template):  # “泰州市基层‘三整合’改革”: quotes inside quotes are single
        if isinstance(shown.get(name), str):
            shown[name] = inner_quotes(shown[name])
    try:
        return _FORMATTER.format(template, **shown)
    except (KeyError, IndexError, ValueError):  # a missing parameter must never hide the message
        return template
