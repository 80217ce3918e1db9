"""A fast first read of a plan, falling back to the reference loader (`load.load_file`)
whenever the fast parser could possibly disagree with it.

The reference loader composes a libyaml node tree and records the line and column of
every value: ~4-5 ms for an 8 KB plan.  A plan that passes never needs a single line
number, so the fast path parses with yaml-rs (Rust, ~0.3-0.5 ms) and returns a
`LazyDocument` whose marks are worked out only when something asks where a value is (a
finding or a schema error): read off the text by `locate.block_marks`, which knows the
restricted YAML this path accepts, or by the reference loader where it is not certain.

yaml-rs follows YAML 1.2, the reference YAML 1.1, and the two read some plain scalars
differently (``010``, ``yes``, ``1e3``, ``1:20``, quoted dates, …).  So the fast path
is taken only when one regular-expression scan of the text (in C) finds none of the
constructs where they could differ, nor anything the reference rejects or treats
specially (tags, anchors and aliases, merge keys, directives, block scalars, multi-line
scalars, escapes, tabs, control characters, invalid dates).  Anything found sends the
file down the reference path: slower, never different.  (YAML 1.1's booleans, yes, off …,
are looked for in the parsed data instead: a key or a text that is one of them.)  Duplicate keys are an error in
both (yaml-rs is told so explicitly), and an error of any kind in the fast parser also
falls back, so every error message comes from the reference loader.

After parsing, one walk over the data checks what the reference checks of each value
(every key a string within the key length limit, every integer within the digit limit)
and that no key or text is one of YAML 1.1's booleans.

`tests/run/test_batch.py` checks that both paths give identical data on a generated corpus
and on a list of the constructs named above; `tests/io/test_readers_agree.py` runs a
differential fuzz of the two (generated and mutated documents: data, types and the checks'
verdict) and keeps every disagreement it has found as an example.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from typing import Any, Literal

from staffing.io.load import DEFAULT_LIMITS, Document, Limits, decode, first_refused, load_text, read_bytes
from staffing.io.locate import Places, block_marks

try:  # pinned in pyproject.toml; without it every file takes the reference path
    import yaml_rs as _yaml_rs

    _DUP_ERROR: Any = _yaml_rs.DuplicateKeyPolicy.Error
except Exception:  # pragma: no cover - depends on the environment
    _yaml_rs = None  # type: ignore[assignment]  # the fast path checks for None
    _DUP_ERROR = None

# Files above this size take the reference path, which enforces the node and depth limits
# (a file this small cannot hold more nodes than the default limit).
FAST_MAX_BYTES = 64 * 1024

# Each pattern starts with a literal or a small character class, so the regex engine scans
# for it in C; the few candidates found are then looked at in Python.  They are separate
# patterns, not one alternation: an alternation is tried branch by branch at every
# position of the text, a lone pattern with a literal or class prefix is a fast C scan
# (together ~3x faster on a generated plan).  A pattern whose every match contains some
# character is skipped when the text lacks it (`in` is a memchr).
_RISKY_CHARS = "!&*%?|\\\t<>\x85\u2028\u2029\ufeff"  # tags, anchors, aliases, directives,
# complex keys, block scalars, escapes, tabs, merge keys, 1.1-only line breaks
# = [^\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff] (checked over every code
# point), written as what it finds: compiled in 1 ms instead of 10, and only by a text
# str.isprintable() does not clear (`load.first_refused`)
_NON_PRINTABLE = r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]"


def _printable(text: str) -> bool:
    """No character of `_NON_PRINTABLE` in `text`."""
    return first_refused(text, _NON_PRINTABLE) is None


_RISKY: tuple[tuple[str, re.Pattern[str]], ...] = (
    (".", re.compile(r"\.(?:[0-9]|inf|Inf|INF|nan|NaN|NAN)")),  # floats
    # floats, exponents, sexagesimal numbers: a digit before ".", "e", "E" or ":", each found by
    # a literal scan and one look back (one scan for a digit first costs as much as the four)
    (".", re.compile(r"\.(?<=[0-9]\.)")),
    ("e", re.compile(r"e(?<=[0-9]e)")),
    ("E", re.compile(r"E(?<=[0-9]E)")),
    (":", re.compile(r":(?<=[0-9]:)")),
    ("'", re.compile(r"'[0-9]{4}-")),  # quoted dates (yaml-rs would make them dates)
    ('"', re.compile(r'"[0-9]{4}-')),
    ("-", re.compile(r"-[0-9]{1,2}(?:[Tt]|[ ]+[0-9])")),  # date-times
    ("\n", re.compile(r"\n(?:---|\.\.\.)")),  # document markers
    ("\n", re.compile(r"\n(?![ ]*+(?:-|\#|\n))[^:\n]*+(?=\n)")),  # a line without a key: a multi-line scalar
    ("{", re.compile(r"\{[^}\]\n]*+\n")),  # a flow collection running onto the next line
    ("[", re.compile(r"\[[^}\]\n]*+\n")),
)
# A key followed by a full-width colon (actual：21): the reference reader names it.  Each "："
# is found by a literal scan and the start of its line tried against what a key line holds
# before it (one pattern starting "(?:^|\n)" would be tried at every position: ~100 µs a plan).
_KEY_BEFORE_COLON = re.compile(r"[ ]*(?:-[ ]+)*[A-Za-z_][A-Za-z0-9_]*[ ]*")
# YAML 1.1 booleans (yes, No, ON, off, ...): a plain scalar YAML 1.2 reads as text.  Looked
# for in the parsed data (`_within`: a key or a text value that is one of them), not in the
# text: twelve scans of the text cost ~60 µs a plan, a set look-up per value next to nothing.
# A quoted "yes" is handed over too (the data cannot tell it from a plain one): slower, never
# different.
_BOOL_WORDS = frozenset(("Yes", "yes", "YES", "No", "no", "NO", "On", "on", "ON", "Off", "off", "OFF"))
_ZERO = re.compile(r"0[0-9_oObBxX]")  # octal, 0o, 0b, 0x, leading zeros
_EQUALS = re.compile(r"=(?=[ \n\]},]|$)")  # the YAML 1.1 value key "="
# An underscore at the start of a plain scalar (or after its sign), or in a scalar that
# starts with a digit: yaml-rs reads "_5", "-_5" and "1_E2" as numbers, YAML 1.1 as strings
# (both read "1_000" as 1000, but a plan has no need of it).  "staffed_24h" is a plain key.
_UNDERSCORE = re.compile(r"_(?<=[ \n\[{,:+\-0-9]_)")  # the "_" first: a fast scan for it, then one look back
_DIGITS = "0123456789"
# A key left out ("- : x", "{: x}", "{:x}"): yaml-rs reads an empty or odd key, libyaml refuses.
# A value left out in a flow collection ("{a:, b}"): YAML 1.2 reads null, libyaml refuses;
# a plain scalar starting with ":" ("{a: :b}"): YAML 1.2 reads it, libyaml not in flow.
# (Separate patterns with a literal or class first, as in _RISKY.  Possessive quantifiers
# (*+, ++) wherever what follows cannot be what was repeated: the same matches, without the
# engine backing off one space or character at a time at every line.)
_KEY_FIRST = re.compile(r"[ ]*+(?:-[ ]++)*+:")
_EMPTY_KEY = (
    re.compile(r"\n[ ]*+(?:-[ ]++)*+:"),
    # a literal first each, not one class [\[{,]: the engine scans for a literal far faster
    re.compile(r"\[[ ]*+:"),
    re.compile(r"\{[ ]*+:"),
    re.compile(r",[ ]*+:"),
    re.compile(r":[,\]}]"),
    re.compile(r" :[^ \n]"),
)


def _risky(text: str) -> bool:
    for c in _RISKY_CHARS:
        if c in text:
            return True
    if text.startswith(("---", "...")) or not _printable(text):
        return True
    for needed, pattern in _RISKY:
        if (not needed or needed in text) and pattern.search(text):
            return True
    if "\uff1a" in text and _key_before_colon(text):
        return True
    for m in _ZERO.finditer(text):
        i = m.start()
        j = i - 1 if i and text[i - 1] in "+-" else i
        if j == 0 or not (text[j - 1].isalnum() or text[j - 1] in "_.:/-"):
            return True
    for m in _EQUALS.finditer(text):
        i = m.start()
        if i == 0 or text[i - 1] in " \n[{,":
            return True
    if "_" in text:
        if text.startswith("_"):
            return True
        for m in _UNDERSCORE.finditer(text):
            i = m.start() - 1  # the character before the "_"
            if text[i] not in _DIGITS:
                return True
            while i > 0 and (text[i - 1] in _DIGITS or text[i - 1] == "_"):
                i -= 1
            if i == 0 or not text[i - 1].isalnum():
                return True
    if _KEY_FIRST.match(text):
        return True
    return any(pattern.search(text) for pattern in _EMPTY_KEY)


def _key_before_colon(text: str) -> bool:
    """A line that starts as a key (after its indent and list dashes) and ends it with a
    full-width colon."""
    at = text.find("\uff1a")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if _KEY_BEFORE_COLON.fullmatch(text, start, at):
            return True
        at = text.find("\uff1a", at + 1)
    return False


def _within(data: Any, limits: Limits) -> bool:
    """What the reference loader checks of each value, checked of the parsed data: every
    key a string no longer than max_key_chars (the reference would turn a number or null
    key into text, and refuses a long one), every integer within max_digits digits; and no
    key or text that YAML 1.1 reads as a boolean (`_BOOL_WORDS`)."""
    biggest = 10 ** limits.max_digits
    max_key = limits.max_key_chars
    words = _BOOL_WORDS
    stack = [data]
    while stack:
        node = stack.pop()
        if type(node) is dict:
            for k in node:
                if type(k) is not str or len(k) > max_key or k in words:
                    return False
            node = node.values()
        for v in node:
            t = type(v)
            if t is str:
                if v in words:
                    return False
            elif t is dict or t is list:
                stack.append(v)
            elif t is int and not -biggest < v < biggest:
                return False
    return True


_DATE = re.compile(r"(?<![\w\-])([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![\w\-])")
# Every date has "-", one or two digits and "-" four characters after its start: found by
# a fast literal scan, then the date pattern is tried at exactly that start.  (Two dates
# cannot overlap, so this finds the same dates as _DATE.finditer, ~10x faster.)
_DATE_DASH = re.compile(r"-(?=[0-9]{1,2}-)")


def _dates(text: str) -> Iterator[re.Match[str]]:
    for d in _DATE_DASH.finditer(text):
        start = d.start() - 4
        if start >= 0:
            m = _DATE.match(text, start)
            if m is not None:
                yield m


class LazyDocument(Document):
    """A document parsed by the fast path: data now, marks on first use."""

    fast = True

    def __init__(self, path: str, data: Any, text: str, limits: Limits) -> None:
        self.path = path
        self.data = data
        self._text = text
        self._limits = limits
        self._ref: Document | None = None
        self._marks: tuple[dict, dict] | None = None
        self._places: Places | Literal[False] | None = None
        self.cells = {}  # a YAML file has no cells, notes or column labels (see Document)
        self.notes = []
        self.labels = {}
        self.problems = []  # the fast path is only taken for a file read without one
        self.problem_locs = set()

    def reference(self) -> Document:
        """The same file through the reference loader (marks for every value)."""
        if self._ref is None:
            self._ref = load_text(self.path, self._text, self._limits, collect=True)
        return self._ref

    def _tables(self) -> tuple[dict, dict]:
        """(marks, key_marks): read off the text by `locate.block_marks` (no second parse),
        or from the reference loader where that reader is not certain."""
        if self._marks is None:
            found = block_marks(self._text, self.data)
            if found is None:
                ref = self.reference()
                found = ref.marks, ref.key_marks
            self._marks = found
        return self._marks

    def locate(self, loc: tuple[str | int, ...], key: bool = False) -> tuple[int, int]:
        """As `Document.locate`; found by walking down to the value (`locate.Places`: only
        what this finding needs is read) while no table of every place has been made."""
        if self._marks is None and self._places is not False:
            if self._places is None:
                try:
                    self._places = Places(self._text, self.data)
                except Exception:  # a text the walker does not take: the tables will do
                    self._places = False
            if self._places:
                found = self._places.place(loc, key)
                if found is not None:
                    return found
        return super().locate(loc, key)

    @property
    def marks(self) -> dict:  # type: ignore[override]
        return self._tables()[0]

    @property
    def key_marks(self) -> dict:  # type: ignore[override]
        return self._tables()[1]


def fast_data(text: str, limits: Limits = DEFAULT_LIMITS, guarded: bool = True) -> dict[str, Any] | None:
    """The data of `text` if the fast parser is certain to agree with the reference
    loader, else None.  Never raises.  `guarded=False`: without looking for the constructs
    where the two could read differently (a file shipped with the tool, see `load_shipped`)."""
    if _yaml_rs is None or (guarded and _risky(text)):
        return None
    for m in _dates(text) if guarded else ():
        try:
            _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    try:
        data = _yaml_rs.loads(text, parse_datetime=True, duplicate_key_policy=_DUP_ERROR)
    except Exception:
        return None
    if not isinstance(data, dict) or not data or not _within(data, limits):
        return None
    return data


def load_shipped(path: str) -> Document:
    """Read a file shipped inside the tool (a rule pack of rules/): parsed by yaml-rs whatever
    it holds, marks worked out when asked for.  Its constructs (folded flow lists, block
    text, a date) send a plan to the reference loader, because a plan can be anything;
    a shipped file is fixed with the tool, and tests/io/test_readers_agree.py holds the two
    readers to the same data and the same marks on every one (so a run that reads only
    shipped packs never imports PyYAML).  The reference loader when yaml-rs is missing or
    refuses the file."""
    text = decode(path, read_bytes(path))
    data = fast_data(text, guarded=False)
    return load_text(path, text) if data is None else LazyDocument(path, data, text, DEFAULT_LIMITS)


def load(path: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read one plan: a LazyDocument when the fast path is sound, else the reference
    Document.  Raises InputProblem exactly as `load.load_file` does."""
    return load_raw(path, read_bytes(path, limits), limits)


def load_raw(path: str, raw: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """As `load`, for bytes already read (the batch reads them once, for the cache key)."""
    if path.lower().endswith((".xlsx", ".xlsm", ".xltx", ".xltm")):
        from staffing.io.workbook import load_workbook_bytes

        return load_workbook_bytes(path, raw, limits, collect=True)
    text = decode(path, raw)
    if len(raw) <= FAST_MAX_BYTES and limits.max_nodes >= FAST_MAX_BYTES and limits.max_depth >= 16 \
            and not path.lower().endswith(".json"):
        data = fast_data(text, limits)
        if data is not None:
            return LazyDocument(path, data, text, limits)
    return load_text(path, text, limits, collect=True)
