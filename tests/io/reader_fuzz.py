"""A differential fuzz of the two plan readers: the fast one (`io.fastload`, yaml-rs behind a
scan) and the reference one (`io.load`, libyaml).  The fast reader must read exactly what the
reference reads, or hand the file over (`fast_data` returns None); and where it reads, the
places `io.locate` reads off the text must be the reference's marks, or none.

Documents come from two sources, both driven by one seeded random generator:

- *generated*: small YAML documents built from pieces where YAML 1.1 and 1.2 part ways
  (numbers with signs, underscores, dots, exponents, colons and leading zeros; booleans,
  nulls, dates, quotes, escapes, comments, flow and block collections);
- *mutated*: generated plans (`staffing generate`) with values replaced by such pieces,
  characters inserted, spans cut and lines swapped.

Where the fast reader reads a plan, the checks' verdict (findings, or why the plan is
unusable) is compared too.  `run(seed, seconds, iterations)` stops at whichever bound comes first and returns the
disagreements found; `python tests/io/reader_fuzz.py [SEED] [SECONDS]` runs it by hand.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from typing import Any

from staffing.errors import InputProblem
from staffing.io import fastload
from staffing.io.load import DEFAULT_LIMITS, Document, load_text
from staffing.io.locate import Places, block_marks

# Pieces of plain scalars; a scalar is one to three of them joined.
_PIECES = [
    "0", "1", "5", "9", "00", "007", "10", "12", "123", "1" * 29, "9" * 31, "_", "__", "-", "+", ".", "e", "E",
    "e3", "E-2", "x", "o", "b", "0x", "0o", "0b", ":", ":20", "inf", ".inf", "nan", ".NaN", "~", "null", "Null",
    "NULL", "true", "True", "yes", "Yes", "NO", "on", "Off", "y", "n", "=", "2022", "-04", "-1", "-11", "-31",
    "T10", " 10", ":00", "Z", "中", "文", "编", " ", "#", " #c", "'", '"', "\\", "%", "@", "`", "!", "&a", "*a",
    "|", ">", "?", ",", "[", "]", "{", "}", "\t", "\u3000", "\u00a0", "\u2028", "\u202e", "\x85", "\ufeff",
]
_KEYS = ["a", "b", "name", "actual", "count", "1", "_5", "yes", "null", "~", "中文", "a b", "'q'", '"d"', "<<", "?"]


def scalar(rng: random.Random) -> str:
    text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 3)))
    r = rng.random()
    if r < 0.1:
        return "'" + text.replace("'", "''") + "'"
    if r < 0.2:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def value(rng: random.Random, depth: int, indent: int) -> str:
    """A value in block context, written after `key:` (a leading space or a new line)."""
    r = rng.random()
    if depth > 2 or r < 0.55:
        return " " + scalar(rng)
    if r < 0.7:
        return " [" + ", ".join(scalar(rng) for _ in range(rng.randint(0, 3))) + "]"
    if r < 0.8:
        return " {" + ", ".join(f"{rng.choice(_KEYS)}: {scalar(rng)}" for _ in range(rng.randint(0, 3))) + "}"
    pad = " " * (indent + 2)
    if r < 0.9:
        return "".join(f"\n{pad}-{value(rng, depth + 1, indent + 2)}" for _ in range(rng.randint(1, 3)))
    return "".join(f"\n{pad}{rng.choice(_KEYS)}:{value(rng, depth + 1, indent + 2)}" for _ in range(rng.randint(1, 3)))


def generated(rng: random.Random) -> str:
    lines = [f"{rng.choice(_KEYS)}:{value(rng, 0, 0)}" for _ in range(rng.randint(1, 5))]
    if rng.random() < 0.2:
        lines.insert(rng.randint(0, len(lines)), "# " + scalar(rng))
    return "\n".join(lines) + ("\n" if rng.random() < 0.9 else "")


_PLANS: list[str] = []


def plans() -> list[str]:
    if not _PLANS:
        from staffing.plan.generate import corpus

        _PLANS.extend(text for path, text in corpus(12, 7) if not path.endswith("_county.yaml"))
    return _PLANS


def mutated(rng: random.Random) -> str:
    text = rng.choice(plans())
    for _ in range(rng.randint(1, 4)):
        r = rng.random()
        if r < 0.5:  # a value replaced (after a "key: ")
            starts = [i for i in range(len(text) - 1) if text[i] == ":" and text[i + 1] == " "]
            if starts:
                i = rng.choice(starts) + 2
                j = text.find("\n", i)
                j = len(text) if j < 0 else j
                text = text[:i] + scalar(rng) + text[j:]
        elif r < 0.7:  # a piece inserted anywhere
            i = rng.randint(0, len(text))
            text = text[:i] + rng.choice(_PIECES) + text[i:]
        elif r < 0.85:  # a span cut
            i = rng.randint(0, len(text))
            text = text[:i] + text[i + rng.randint(1, 20):]
        else:  # two lines swapped
            lines = text.split("\n")
            a, b = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
    return text


def typed(v: Any) -> Any:
    """The value with every scalar's exact type beside it (True == 1 and 1 == 1.0 in Python)."""
    if isinstance(v, dict):
        return {k: typed(x) for k, x in v.items()}
    if isinstance(v, list):
        return [typed(x) for x in v]
    return (type(v).__name__, v)


@dataclass
class Disagreement:
    text: str
    fast: Any
    reference: Any


def compare(text: str) -> Disagreement | None:
    """None when the readers agree: the fast one declines, or both read the same data
    with the same types."""
    fast = fastload.fast_data(text)
    if fast is None:
        return None
    try:
        ref_doc = load_text("fuzz.yaml", text)
    except InputProblem as exc:
        return Disagreement(text, fast, f"refused: {exc.key}")
    ref: Any = ref_doc.data
    if typed(fast) != typed(ref):
        return Disagreement(text, fast, ref)
    marks = block_marks(text, fast)  # where values stand, read off the text: the reference's or none
    if marks is not None and marks != (ref_doc.marks, ref_doc.key_marks):
        return Disagreement(text, marks, (ref_doc.marks, ref_doc.key_marks))
    try:
        places = Places(text, fast)
    except Exception:
        places = None
    for loc in (set(ref_doc.marks) | set(ref_doc.key_marks)) if places is not None else ():
        for key in (False, True):
            found = places.place(loc, key)  # type: ignore[union-attr]
            if found is not None and found != ref_doc.locate(loc, key):
                return Disagreement(text, (loc, key, found), ref_doc.locate(loc, key))
    if "town" in fast:  # plan-like: the checks' verdict on each reading
        fast_verdict = verdict(fastload.LazyDocument("fuzz.yaml", fast, text, DEFAULT_LIMITS))
        ref_verdict = verdict(load_text("fuzz.yaml", text))
        if fast_verdict != ref_verdict:
            return Disagreement(text, fast_verdict, ref_verdict)
    return None


def verdict(doc: Document) -> Any:
    """What checking the document says: its findings, or the key of why it is unusable."""
    from staffing.run.engine import run_checks
    from staffing.run.read import pack_of as pack_for
    from staffing.run.read import validate_plan
    from staffing.run.results import Settings

    try:
        plan = validate_plan(doc)
        pack = pack_for(plan, doc, Settings())
        return [(f.code, f.severity.value, f.line, f.column, f.message.en) for f in run_checks(plan, pack, doc)]
    except InputProblem as exc:
        return exc.key


@dataclass
class Tally:
    documents: int = 0
    fast: int = 0  # documents the fast reader read itself
    disagreements: list[Disagreement] | None = None


def run(seed: int, seconds: float, iterations: int) -> Tally:
    rng = random.Random(seed)
    plans()  # built before the clock starts
    tally = Tally(disagreements=[])
    assert tally.disagreements is not None
    deadline = time.monotonic() + seconds
    for n in range(iterations):
        if time.monotonic() > deadline:
            break
        text = generated(rng) if n % 2 else mutated(rng)
        tally.documents += 1
        tally.fast += fastload.fast_data(text) is not None
        found = compare(text)
        if found is not None:
            tally.disagreements.append(found)
    return tally


def shrink(text: str) -> str:
    """A smaller document that still makes the readers disagree (lines, then characters, cut)."""
    def bad(t: str) -> bool:
        try:
            return compare(t) is not None
        except Exception:
            return False
    for unit in ("\n", ""):
        parts = text.split("\n") if unit else list(text)
        i = 0
        while i < len(parts):
            trial = parts[:i] + parts[i + 1:]
            if bad(unit.join(trial)):
                parts = trial
            else:
                i += 1
        text = unit.join(parts)
    return text


if __name__ == "__main__":  # pragma: no cover - by hand
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 10.0
    t = run(seed, seconds, 10**9)
    print(f"{t.documents} documents, {t.fast} read by the fast reader, {len(t.disagreements or [])} disagreements")
    for d in (t.disagreements or [])[:40]:
        small = shrink(d.text)
        c = compare(small)
        print(repr(small), "\n   fast:", repr(c.fast if c else None)[:200], "\n   ref: ", repr(c.reference if c else None)[:200])
