"""Rule packs: YAML data in `rules/` naming the parameters of every check, each with the
seed and the phrase it rests on.  A pack `extends` another; a child that loosens a
limit its parent set, disables a check or lowers a severity is reported.

Packs come from trusted places only: the shipped packs, and pack folders the repository's
configuration or `--packs DIR` names (a plan names a pack by id; `extends` too).  A file
is read as a pack only when the command line names it (`--rules FILE`).
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from staffing.checks import BY_SLUG
from staffing.checks.base import Direction, direction
from staffing.checks.pack import PLACES, SHIPPED, CheckSetting, Loosening, Pack, Param, Scope
from staffing.errors import InputProblem, problem
from staffing.findings import Severity
from staffing.io.load import Document, display_path, load_file
from staffing.messages import CATALOGUE, close_matches, words
from staffing.words import Words

_PACK_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
_SUFFIXES = (".yaml", ".yml", ".json")


def is_pack_id(ref: str) -> bool:
    """A pack id: letters, digits, '.', '-', '_', no path separator and no file suffix."""
    return bool(_PACK_ID.fullmatch(ref)) and not ref.lower().endswith(_SUFFIXES)


def pack_dirs() -> list[Path]:
    """Where shipped packs live: inside the installed package, or the repository's rules/."""
    package = Path(__file__).resolve().parents[1]  # staffing/
    return [p for p in (package / "rules", package.parents[1] / "rules") if p.is_dir()]


def _text(doc: Document, loc: tuple[str | int, ...], value: Any, key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind):
        line, col = doc.locate(loc)
        raise problem(doc.path, "pack.field", line, col, field=key)
    return value


def _cite(src: Any) -> str | None:
    if isinstance(src, dict) and src.get("seed") and src.get("quote"):
        return f"{src['seed']}: “{src['quote']}”"
    return None


def _param(doc: Document, slug: str, name: str, raw: Any, loc: tuple[str | int, ...] | None = None) -> Param:
    loc = loc or ("checks", slug, name)
    line, col = doc.locate(loc)
    if not isinstance(raw, dict) or "value" not in raw:
        raise problem(doc.path, "pack.param-shape", line, col, check=slug, option=name)
    extra = set(raw) - {"value", "source", "inferred", "note"}
    if extra:
        raise problem(doc.path, "pack.field", line, col, field=", ".join(sorted(extra)))
    src = raw.get("source")
    source: str | None = None
    if isinstance(src, dict) and src.get("seed") and src.get("quote"):
        source = f"{src['seed']}: “{src['quote']}”"
    elif raw["value"] is not None:
        sline, scol = doc.locate(loc + ("source",))
        raise problem(doc.path, "pack.no-source", sline, scol, check=slug, option=name)
    vline, vcol = doc.locate(loc + ("value",))
    return Param(raw["value"], source, bool(raw.get("inferred", False)), doc.path, vline, vcol)


def _check_setting(doc: Document, slug: str, raw: Any, pack_id: str) -> CheckSetting:
    """One check's settings in a pack (`checks: {slug: …}`): switched on or off, its
    severity, its source and its options, each option validated against the check's."""
    check = BY_SLUG.get(slug)
    if check is None or check.scope == "run":  # a county check reads the packs of the county's towns
        line, col = doc.locate(("checks", slug), key=True)
        raise problem(doc.path, "pack.unknown-check", line, col, check=slug)
    raw = raw or {}
    setting = CheckSetting(declared=[pack_id])
    for name, value in raw.items():
        if name in ("enabled", "severity"):
            setting.marks[name] = (doc.path, *doc.locate(("checks", slug, name)))
        if name == "enabled":
            setting.enabled = bool(value)
        elif name == "severity":
            try:
                setting.severity = Severity(value)
                if setting.severity == Severity.UNKNOWN:  # an outcome, never a chosen severity
                    raise ValueError(value)
            except ValueError:
                line, col = doc.locate(("checks", slug, name))
                raise problem(doc.path, "pack.severity", line, col, value=str(value)) from None
        elif name == "source":
            setting.source = _cite(value)
            if setting.source is None:
                line, col = doc.locate(("checks", slug, name))
                raise problem(doc.path, "pack.no-source", line, col, check=slug, option=name)
        elif name == "inferred":
            setting.inferred = bool(value)
        elif name not in check.options.model_fields:
            line, col = doc.locate(("checks", slug, name), key=True)
            raise problem(doc.path, "pack.unknown-option", line, col, check=slug, option=name)
        else:
            setting.params[name] = _param(doc, slug, name, value)
    try:
        check.options.model_validate({k: p.value for k, p in setting.params.items()})
    except ValidationError as exc:
        err = exc.errors()[0]
        name = str(err["loc"][0]) if err["loc"] else ""
        line, col = doc.locate(("checks", slug, name, "value"))
        zh = CATALOGUE.get(f"schema.{err['type']}", CATALOGUE["schema.other"])[0]
        raise problem(doc.path, "pack.option-value", line, col, check=slug, option=name,
                      reason=Words(zh, err["msg"])) from None
    return setting


def parse_pack(doc: Document) -> Pack:
    data = doc.data
    known = {"id", "title", "jurisdiction", "effective", "extends", "applies_to", "requires", "inferred", "roles", "ranks",
             "titles", "post_ranks", "post_rank_equivalents", "domain_words", "body_rank_from", "categories", "recognition", "checks",
             "document", "documents"}
    for key in data:
        if key not in known:
            line, col = doc.locate((key,), key=True)
            raise problem(doc.path, "pack.field", line, col, field=key)
    for key in ("id", "title"):
        if key not in data:
            raise problem(doc.path, "pack.missing", 1, 1, field=key)
    checks: dict[str, CheckSetting] = {}
    raw_checks = _text(doc, ("checks",), data.get("checks") or {}, "checks", dict)
    for slug, raw in raw_checks.items():
        checks[slug] = _check_setting(doc, slug, raw, str(data["id"]))
    effective = data.get("effective")
    effective_source: str | None = None
    effective_inferred = False
    title = data.get("title") if isinstance(data.get("title"), dict) else {}
    effective_note: dict[str, str] = {}
    if isinstance(effective, dict):  # {value: date, source: {seed, quote}, inferred: true, note: {zh, en}}
        param = _param(doc, "", "effective", effective, ("effective",))
        note = effective.get("note")
        if isinstance(note, dict):
            effective_note = {k: str(v) for k, v in note.items() if k in ("zh", "en")}
        effective, effective_source, effective_inferred = param.value, param.source, param.inferred
    requires: dict[str, Param] = {}
    for name, raw in (_text(doc, ("requires",), data.get("requires") or {}, "requires", dict)).items():
        if name != "developed_town":
            line, col = doc.locate(("requires", name), key=True)
            raise problem(doc.path, "pack.field", line, col, field=f"requires.{name}")
        requires[name] = _param(doc, "", name, raw, ("requires", name))
    jurisdiction, jurisdiction_source = _jurisdiction(doc, data.get("jurisdiction"))
    applies_to, applies_source = _applies_to(doc, data.get("applies_to"))
    return Pack(
        id=str(data["id"]),
        title=dict(data.get("title") or {}),
        jurisdiction=jurisdiction,
        jurisdiction_source=jurisdiction_source,
        applies_source=applies_source,
        effective=effective if isinstance(effective, _dt.date) else None,
        effective_source=effective_source,
        effective_inferred=effective_inferred,
        effective_note=effective_note,
        requires=requires,
        extends=data.get("extends"),
        applies_to=applies_to,
        inferred=[{**note, "pack": str(data["id"]), "pack_zh": str(title.get("zh", data["id"])),
                   "pack_en": str(title.get("en", data["id"]))} for note in _notes(doc, data.get("inferred"))],
        roles=dict(data.get("roles") or {}),
        ranks=list(data.get("ranks") or []),
        post_ranks=list(data.get("post_ranks") or []),
        post_rank_equivalents={str(k): str(v) for k, v in
                               _text(doc, ("post_rank_equivalents",), data.get("post_rank_equivalents") or {},
                                     "post_rank_equivalents", dict).items()},
        body_rank_from=_optional_text(doc, data, "body_rank_from"),
        domain_words={str(k): [str(w) for w in (v or [])] for k, v in
                      _text(doc, ("domain_words",), data.get("domain_words") or {}, "domain_words", dict).items()},
        titles=dict(data.get("titles") or {}),
        checks=checks,
        file=doc.path,
        categories=dict(data.get("categories") or {}),
        recognition=dict(_text(doc, ("recognition",), data.get("recognition") or {}, "recognition", dict)),
        document=_document_ref(doc, data.get("document")),
        documents=_documents(doc),
    )


def _jurisdiction(doc: Document, raw: Any) -> tuple[dict[str, str], str | None]:
    """A pack's jurisdiction as data: its name ({zh, en}), the places it covers (province,
    city, county, town; a place it does not name is any) and the source that says so."""
    if raw is None:
        return {}, None
    _text(doc, ("jurisdiction",), raw, "jurisdiction", dict)
    allowed = {"zh", "en", "source", "inferred", "note", *PLACES}
    for key in raw:
        if key not in allowed:
            line, col = doc.locate(("jurisdiction", key), key=True)
            raise problem(doc.path, "pack.field", line, col, field=f"jurisdiction.{key}")
    out = {str(k): str(v) for k, v in raw.items() if k not in ("source", "inferred", "note")}
    source = _cite(raw.get("source"))
    if any(k in PLACES for k in raw) and source is None:
        line, col = doc.locate(("jurisdiction",))
        raise problem(doc.path, "pack.no-source", line, col, check="jurisdiction", option="source")
    return out, (source + " (inferred)" if source and raw.get("inferred") else source)


def _applies_to(doc: Document, raw: Any) -> tuple[list[str], str | None]:
    """The kinds of unit a pack covers: a list, or {value: [...], source: {seed, quote}}."""
    if isinstance(raw, dict):
        param = _param(doc, "", "applies_to", raw, ("applies_to",))
        return list(param.value or []), (param.source + " (inferred)" if param.source and param.inferred else param.source)
    return list(_text(doc, ("applies_to",), raw or [], "applies_to", list)), None


def _scope(pack: Pack, parent: Scope | None) -> Scope:
    """A pack's scope: what it says, and what it leaves unsaid inherited from its parent."""
    place = {k: v for k, v in pack.jurisdiction.items() if k in PLACES}
    needs = pack.requires.get("developed_town")
    return Scope(
        pack.id, pack.title or (parent.title if parent else {}),
        tuple(pack.applies_to) or (parent.applies_to if parent else ()),
        bool(needs.value) if needs is not None else (parent.developed_only if parent else False),
        place or (dict(parent.place) if parent else {}),
    )


def _notes(doc: Document, raw: Any) -> list[dict[str, str]]:
    """The pack's `inferred:` notes, each {zh, en}."""
    notes = _text(doc, ("inferred",), raw or [], "inferred", list)
    out = []
    for i, note in enumerate(notes):
        _text(doc, ("inferred", i), note, "inferred", dict)
        out.append({k: str(v) for k, v in note.items() if k in ("zh", "en")})
    return out


def _optional_text(doc: Document, data: dict[str, Any], key: str) -> str | None:
    raw = data.get(key)
    return None if raw is None else str(_text(doc, (key,), raw, key, str))


def _document_ref(doc: Document, raw: Any) -> str | None:
    if raw is None:
        return None
    return str(_text(doc, ("document",), raw, "document", str))


def _documents(doc: Document) -> dict[str, dict[str, str]]:
    """seed file -> {zh, en, reported_in…}: the documents a pack cites, by title."""
    raw = _text(doc, ("documents",), doc.data.get("documents") or {}, "documents", dict)
    out: dict[str, dict[str, str]] = {}
    for seed, entry in raw.items():
        if not isinstance(entry, dict) or not entry.get("zh") or not entry.get("en"):
            line, col = doc.locate(("documents", seed))
            raise problem(doc.path, "pack.field", line, col, field=f"documents.{seed}")
        out[str(seed)] = {str(k): str(v) for k, v in entry.items()}
    return out


def _loosens(kind: Direction, parent: Any, child: Any) -> bool:
    if parent is None or child is None:
        return parent is not None and child is None
    if kind == "max":
        return bool(child > parent)
    if kind == "min":
        return bool(child < parent)
    if kind == "require":
        return bool(parent) and not bool(child)
    if kind == "allow":
        return not set(child) <= set(parent)
    if kind == "set":
        return not set(parent) <= set(child)
    return False


def _switch_loosenings(slug: str, parent: Pack, child: Pack, p: CheckSetting, c: CheckSetting) -> list[Loosening]:
    """A check the parent runs that the child turns off, or whose severity it lowers."""
    out: list[Loosening] = []
    if p.enabled and not c.enabled:
        file, line, col = c.marks.get("enabled", (child.file, 1, 1))
        out.append(Loosening(slug, "enabled", parent.id, True, False, file, line, col))
    if c.severity is not None and p.enabled:
        before = p.severity or BY_SLUG[slug].severity
        if c.severity.rank > before.rank:
            file, line, col = c.marks.get("severity", (child.file, 1, 1))
            out.append(Loosening(slug, "severity", parent.id, before, c.severity, file, line, col))
    return out


def merge(parent: Pack, child: Pack) -> Pack:
    """The child's settings over the parent's; every loosened limit is recorded."""
    checks: dict[str, CheckSetting] = {}
    loosened: list[Loosening] = list(parent.loosened)
    for slug in sorted(set(parent.checks) | set(child.checks)):
        p = parent.checks.get(slug)
        c = child.checks.get(slug)
        if c is None:
            checks[slug] = p  # type: ignore[assignment]
            continue
        if p is None:
            checks[slug] = c
            continue
        params = dict(p.params)
        check = BY_SLUG[slug]
        loosened.extend(_switch_loosenings(slug, parent, child, p, c))
        for name, param in c.params.items():
            kind = direction(check.options, name)
            if name in p.params and kind and _loosens(kind, p.params[name].value, param.value):
                loosened.append(
                    Loosening(slug, name, parent.id, p.params[name].value, param.value, param.file, param.line, param.column)
                )
            params[name] = param
        checks[slug] = CheckSetting(
            enabled=p.enabled and c.enabled,
            severity=c.severity or p.severity,
            params=params,
            marks={**p.marks, **c.marks},
            source=c.source or p.source,
            inferred=c.inferred if c.source else p.inferred,
            declared=p.declared + [d for d in c.declared if d not in p.declared],
        )
    return Pack(
        id=child.id,
        title=child.title or parent.title,
        jurisdiction=child.jurisdiction or parent.jurisdiction,
        jurisdiction_source=(child.jurisdiction_source if any(k in PLACES for k in child.jurisdiction)
                             else parent.jurisdiction_source),
        applies_source=child.applies_source if child.applies_to else parent.applies_source,
        scopes={**parent.scopes, child.id: _scope(child, parent.scopes.get(parent.id))},
        effective=child.effective or parent.effective,
        effective_source=child.effective_source if child.effective else parent.effective_source,
        effective_inferred=child.effective_inferred if child.effective else parent.effective_inferred,
        effective_note=child.effective_note if child.effective else parent.effective_note,
        requires={**parent.requires, **child.requires},
        extends=child.extends,
        applies_to=child.applies_to or parent.applies_to,
        inferred=parent.inferred + child.inferred,
        roles={**parent.roles, **child.roles},
        categories={**parent.categories, **child.categories},
        recognition={**parent.recognition, **child.recognition},
        ranks=child.ranks or parent.ranks,
        post_ranks=child.post_ranks or parent.post_ranks,
        post_rank_equivalents=child.post_rank_equivalents or parent.post_rank_equivalents,
        body_rank_from=child.body_rank_from or parent.body_rank_from,
        domain_words={**parent.domain_words, **child.domain_words},
        titles=child.titles or parent.titles,
        checks=checks,
        file=child.file,
        document=child.document or parent.document,
        documents={**parent.documents, **child.documents},
        chain=parent.chain + [child.id],
        files=parent.files + [child.file],
        loosened=loosened,
        origin=child.origin,
    )


def available(folders: tuple[str, ...] = ()) -> dict[str, tuple[Path, str]]:
    """Packs by id (the file name is the id) with where each came from: the shipped packs,
    then every pack in the given folders.  A pack in a folder may not take a shipped
    pack's id, nor may two folders offer the same id: which one applies would be a guess."""
    out: dict[str, tuple[Path, str]] = {}
    for folder in pack_dirs():
        for f in sorted(folder.glob("*.yaml")):
            out.setdefault(f.stem, (f, SHIPPED))
    for named in folders:
        where = Path(named)
        if not where.is_dir():
            raise problem(display_path(named), "pack.no-folder")
        for f in sorted(where.glob("*.yaml")) + sorted(where.glob("*.yml")):
            if not is_pack_id(f.stem) or not f.is_file():
                continue
            if f.stem in out:
                raise problem(display_path(str(f)), "pack.shadows", pack=f.stem)
            out[f.stem] = (f, display_path(named))
    return out


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Shipped packs' Chinese titles by id: the drop-down of the plan workbook shows the
    title, and a workbook's plan that names its pack by title uses that pack."""
    out: dict[str, str] = {}
    for pack_id, (file, _) in sorted(available().items()):
        try:
            doc = load_file(str(file))
        except InputProblem:
            continue
        title = doc.data.get("title") if isinstance(doc.data, dict) else None
        if isinstance(title, dict) and isinstance(title.get("zh"), str):
            out[pack_id] = title["zh"]
    return out


def resolve(ref: str, folders: tuple[str, ...] = ()) -> Pack:
    """A pack by id (shipped, or from one of `folders`) or, for a file the command line
    names (`--rules FILE`), by path; with its whole `extends` chain merged.  Raises
    InputProblem."""
    return _resolve(ref, tuple(folders), 0)


def unknown_params(pack: str, known: list[str], meant: str | None) -> dict[str, Any]:
    """The words of "unknown rule pack": the pack as written, the packs there are and, when
    one is close, the one most likely meant."""
    hint = words("input.did-you-mean", {"word": meant}) if meant else Words("", "")
    return {"pack": pack, "known": known, "hint": hint}


@lru_cache(maxsize=64)
def _resolve(ref: str, folders: tuple[str, ...], _depth: int) -> Pack:
    if is_pack_id(ref):
        packs = available(folders)
        if ref not in packs:
            close = close_matches(ref, sorted(packs), n=1)
            raise problem("--rules", "pack.unknown", **unknown_params(ref, sorted(packs), close[0] if close else None))
        path, origin = packs[ref]
        file = str(path)
    else:
        file, origin = ref, display_path(ref)
    if _depth > 16:
        raise problem(file, "pack.extends-loop", pack=ref)
    if origin == SHIPPED:
        from staffing.io.fastload import load_shipped

        doc = load_shipped(file)
    else:
        doc = load_file(file)
    pack = parse_pack(doc)
    pack.origin = origin
    if pack.extends:
        if not is_pack_id(str(pack.extends)):
            line, col = doc.locate(("extends",))
            raise problem(file, "pack.extends-path", line, col, pack=str(pack.extends))
        try:
            parent = _resolve(str(pack.extends), folders, _depth + 1)
        except InputProblem as exc:
            if exc.key == "pack.unknown":
                raise problem(file, "pack.unknown",
                              **unknown_params(str(pack.extends), sorted(available(folders)), None)) from None
            raise
        if pack.id in parent.chain:
            raise problem(file, "pack.extends-loop", pack=pack.id)
        return merge(parent, pack)
    pack.chain = [pack.id]
    pack.files = [pack.file]
    pack.scopes = {pack.id: _scope(pack, None)}
    return pack


resolve.cache_clear = _resolve.cache_clear  # type: ignore[attr-defined]
