"""`staffing lsp` driven by a real LSP client (pygls's own) over stdio, as an editor drives it:
the same findings at the same places as `staffing check` (in UTF-16 code units, tried on a
plan full of CJK with an astral character), every input error at once, quick fixes that mend
them, hover with `staffing explain`, debounced changes, the unsaved buffer checked under its
real path with its repository's staffing.toml, a county file's findings on the county file,
and nothing written into the repository."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from lsprotocol import types as t
from pygls.lsp.client import LanguageClient

from staffing.cli.explain import explain_text
from staffing.plan.generate import write

from conftest import ORGS, ROOT, STAFFING

pytestmark = pytest.mark.skipif(not STAFFING.exists(), reason="staffing script not installed next to python")


class Editor:
    """A client session: open, change, save, close; the diagnostics published, by URI."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.published: dict[str, list[t.PublishDiagnosticsParams]] = {}
        self.arrived = asyncio.Condition()
        self.versions: dict[str, int] = {}

    async def wait(self, uri: str, version: int | None = None, timeout: float = 30) -> list[t.Diagnostic]:
        async def ready() -> list[t.Diagnostic]:
            async with self.arrived:
                while True:
                    got = [p for p in self.published.get(uri, []) if version is None or p.version == version]
                    if got:
                        return list(got[-1].diagnostics)
                    await self.arrived.wait()

        return await asyncio.wait_for(ready(), timeout)

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.as_uri()
        self.versions[uri] = 1
        body = path.read_text(encoding="utf-8") if text is None else text
        self.client.text_document_did_open(t.DidOpenTextDocumentParams(
            text_document=t.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=body)))
        return uri

    def change(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        self.client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=text)]))
        return self.versions[uri]


def session(test: Callable[[Editor], Awaitable[Any]], cwd: Path = ROOT, env: dict[str, str] | None = None) -> Any:
    """Start `staffing lsp` as an editor does, run `test` against it, shut it down."""

    async def main() -> Any:
        client = LanguageClient("test-editor", "1")
        editor = Editor(client)

        @client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        async def published(params: t.PublishDiagnosticsParams) -> None:
            async with editor.arrived:
                editor.published.setdefault(params.uri, []).append(params)
                editor.arrived.notify_all()

        await client.start_io(str(STAFFING), "lsp", "--stdio", cwd=str(cwd), env=env)
        await client.initialize_async(t.InitializeParams(capabilities=t.ClientCapabilities(), root_uri=cwd.as_uri()))
        client.initialized(t.InitializedParams())
        try:
            return await test(editor)
        finally:
            await client.shutdown_async(None)
            client.exit(None)
            await client.stop()

    return asyncio.run(main())


def utf16(line: str, column: int) -> int:
    return len(line[: column - 1].encode("utf-16-le")) // 2


def cli_json(path: Path, cwd: Path = ROOT) -> dict[str, Any]:
    done = subprocess.run([str(STAFFING), "check", "--no-cache", "--format", "json", str(path)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1, 2), done.stderr
    return json.loads(done.stdout)


def expected(path: Path, cwd: Path = ROOT) -> list[tuple[str, int, int]]:
    """(code, line, UTF-16 character) of every finding and input error `staffing check` reports."""
    lines = path.read_text(encoding="utf-8").splitlines()
    report = cli_json(path, cwd)["files"][0]
    out = [("ST001", e["line"] - 1, utf16(lines[e["line"] - 1], e["column"])) for e in report.get("errors") or []]
    out += [(f["code"], f["line"] - 1, utf16(lines[f["line"] - 1], f["column"])) for f in report["findings"]]
    return sorted(out)


def seen(found: list[t.Diagnostic]) -> list[tuple[str, int, int]]:
    return sorted((str(d.code), d.range.start.line, d.range.start.character) for d in found)


def test_the_editor_gets_the_findings_of_staffing_check_at_the_same_places() -> None:
    examples = sorted(p for p in ORGS.rglob("*.yaml") if not p.name.startswith("_"))
    assert len(examples) >= 5

    async def test(editor: Editor) -> dict[Path, list[t.Diagnostic]]:
        return {path: await editor.wait(editor.open(path), 1) for path in examples}

    got = session(test)
    failing = 0
    for path, found in got.items():
        assert seen(found) == expected(path), path
        failing += bool(found)
        report = cli_json(path)["files"][0]
        for d, f in zip(sorted(found, key=lambda d: (d.range.start.line, d.code)),
                        sorted(report["findings"], key=lambda f: (f["line"], f["code"])), strict=True):
            assert d.message.startswith(f["message"]["zh"]) and d.source == "staffing"
            assert d.severity == {"error": 1, "warning": 2, "info": 3, "unknown": 3}[f["severity"]]
            if f["citation"]:
                assert f"依据：{f['citation']['zh']}" in d.message  # the policy document, by title
            assert d.code_description is not None and d.code_description.href.startswith("file://")
            href = Path(d.code_description.href.removeprefix("file://"))
            assert href.read_text(encoding="utf-8") == explain_text(f["code"], "zh")
            assert ROOT not in href.parents  # never written into the repository
    assert failing >= 3  # the shipped examples that break rules on purpose


def _cjk_plan(tmp_path: Path) -> tuple[Path, str]:
    """A plan on one line of JSON, full of CJK, an astral character (U+20000) in a body's name
    before the mistakes, and a full-width digit where a number belongs."""
    data = yaml.safe_load((ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml").read_text(encoding="utf-8"))
    data["bodies"][0]["name"] = "\U00020000" + data["bodies"][0]["name"]
    data["bodies"][-1].setdefault("quotas", {})["administrative"] = "５"
    text = json.dumps(data, ensure_ascii=False, default=str)
    path = tmp_path / "orgs" / "jiangsu" / "suzhou" / "kunshan" / "zhangpu.json"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path, text


def test_places_are_utf16_code_units_on_a_cjk_line_with_an_astral_character(tmp_path: Path) -> None:
    path, text = _cjk_plan(tmp_path)
    assert "\n" not in text and "\U00020000" in text

    async def test(editor: Editor) -> list[t.Diagnostic]:
        return await editor.wait(editor.open(path), 1)

    found = session(test, cwd=tmp_path)
    assert seen(found) == expected(path, tmp_path) and found
    units = text.encode("utf-16-le")
    astral = len(text[: text.index("\U00020000")].encode("utf-16-le")) // 2
    after = [d for d in found if d.range.start.character > astral]
    assert after  # places that a count of characters would put one unit early
    error = next(d for d in found if d.code == "ST001")
    start, end = error.range.start.character, error.range.end.character
    assert units[2 * start: 2 * end].decode("utf-16-le") == '"５"'  # the very value, in UTF-16 units


def test_a_line_break_only_yaml_11_counts_moves_no_diagnostic(tmp_path: Path) -> None:
    """NEL, U+2028 and U+2029 end a line to YAML 1.1 and to str.splitlines(), not to an editor:
    with them ending a comment, inside a quoted text and before the value on its own line, the
    finding stands on that value, as `staffing check` says."""
    case = ROOT / "tests/checks/cases/ST505/bad/grade-above-its-bodys-rank.yaml"
    source = case.read_text(encoding="utf-8")
    text = source.replace("\n", "\u2029\n", 1).replace("figures: 'Illustrative", "figures: 'Illus\x85trative")
    text = text.replace("{title: 局长, level: principal, rank: 一级主任科员", "{title: '局\u2028长', level: principal, rank: 一级主任科员")
    path = tmp_path / "grade.yaml"
    path.write_text(text, encoding="utf-8")

    async def test(editor: Editor) -> list[t.Diagnostic]:
        return await editor.wait(editor.open(path), 1)

    found = [d for d in session(test, cwd=tmp_path) if d.code == "ST505"]
    line = text.split("\n")[57]
    assert [(d.range.start.line, d.range.start.character, d.range.end.character) for d in found] == [
        (57, line.index("一级主任科员"), line.index("一级主任科员") + 6)]
    assert cli_json(path, tmp_path)["files"][0]["findings"][0]["line"] == 58

MISTAKES = {  # (line text before, after the quick fix)
    "unit_type: town": ("unit_type: tonw", "unit_type: town"),
    "developed_town:": ("developed_town： true", "developed_town: true"),
}


def _mistaken(tmp_path: Path) -> tuple[Path, str]:
    source = (ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml").read_text(encoding="utf-8")
    text = source.replace("unit_type: town", "unit_type: tonw", 1).replace("developed_town: ", "developed_town：", 1)
    text = text.replace("quotas: {administrative: 43, institutional_full: 58, service: 3}",
                        "quotas: {administrative: 43, institutional_full: 58名, service: ３}", 1)
    assert text.count("58名") == 1
    path = tmp_path / "orgs" / "xinqiao.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")  # on disk: the plan as it was; the mistakes only in the buffer
    return path, text


def _apply(text: str, edits: list[t.TextEdit]) -> str:
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        assert e.range.start.line == e.range.end.line
        units = lines[e.range.start.line].encode("utf-16-le")
        a, b = 2 * e.range.start.character, 2 * e.range.end.character
        lines[e.range.start.line] = (units[:a].decode("utf-16-le") + e.new_text + units[b:].decode("utf-16-le"))
    return "\n".join(lines)


def test_every_input_error_at_once_and_quick_fixes_that_mend_them(tmp_path: Path) -> None:
    path, text = _mistaken(tmp_path)
    (tmp_path / "unsaved.yaml").write_text(text, encoding="utf-8")  # what the CLI says of the buffer's text
    cli = expected(tmp_path / "unsaved.yaml", tmp_path)

    async def test(editor: Editor) -> tuple[list[t.Diagnostic], list[t.CodeAction], list[t.Diagnostic]]:
        uri = editor.open(path, text)
        found = await editor.wait(uri, 1)
        actions = await editor.client.text_document_code_action_async(t.CodeActionParams(
            text_document=t.TextDocumentIdentifier(uri=uri), range=t.Range(start=t.Position(line=0, character=0),
                                                                           end=t.Position(line=999, character=0)),
            context=t.CodeActionContext(diagnostics=found)))
        edits = [e for a in actions or [] for e in (a.edit.changes or {}).get(uri, [])]
        mended = editor.change(uri, _apply(text, edits))
        after = await editor.wait(uri, mended)
        return found, list(actions or []), after

    found, actions, after = session(test, cwd=tmp_path)
    assert len(found) == 4 and {d.code for d in found} == {"ST001"} and all(d.severity == 1 for d in found)
    assert seen(found) == cli  # every mistake, each at its place, as `staffing check` of the same text
    assert sorted(a.title for a in actions) == sorted(["改为3", "改为58", "改为“town”", "把全角冒号改为英文冒号"])
    assert all(a.kind == t.CodeActionKind.QuickFix for a in actions)
    assert not [d for d in after if d.code == "ST001"]  # every mistake mended by its fix
    assert seen(after) == expected(path, tmp_path)  # and the plan reads as the one on disk


def test_changes_are_debounced_and_the_buffer_is_checked_under_its_real_path(tmp_path: Path) -> None:
    repo = tmp_path / "plans"
    source = (ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml").read_text(encoding="utf-8")
    path = repo / "orgs" / "zhangpu.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    codes = {c for c, _, _ in expected(path, repo)}
    assert "ST201" in codes and "ST101" in codes
    (repo / "staffing.toml").write_text('[check]\nignore = ["ST201"]\n', encoding="utf-8")
    before = sorted(p for p in repo.rglob("*") if ".git" not in p.parts)

    async def test(editor: Editor) -> tuple[list[t.Diagnostic], list[int | None], list[t.Diagnostic]]:
        uri = editor.open(path)
        opened = await editor.wait(uri, 1)
        for d in opened:  # hover on a finding: `staffing explain` of its code
            inside = t.Position(line=d.range.start.line, character=d.range.start.character + 1)
            hover = await editor.client.text_document_hover_async(t.HoverParams(
                text_document=t.TextDocumentIdentifier(uri=uri), position=inside))
            assert hover is not None and explain_text(str(d.code), "zh") in hover.contents.value
        for n in range(5):  # five keystrokes faster than the pause
            last = editor.change(uri, source + "#" * (n + 1) + "\n")
        await editor.wait(uri, last)
        await asyncio.sleep(0.3)
        versions = [p.version for p in editor.published[uri]]
        editor.change(uri, source.replace("administrative: 44", "administrative: 40", 1))
        editor.client.text_document_did_save(t.DidSaveTextDocumentParams(
            text_document=t.TextDocumentIdentifier(uri=uri)))
        saved = await editor.wait(uri, editor.versions[uri])
        return opened, versions, saved

    opened, versions, saved = session(test, cwd=tmp_path)
    assert {d.code for d in opened} == codes - {"ST201"}  # the repository's staffing.toml, found from the file
    assert versions == [1, 6]  # the changes in between were never checked one by one
    # checked on save, the changed buffer (its total no longer adds up: ST901), under the repository's settings
    assert "ST901" in {d.code for d in saved} and "ST201" not in {d.code for d in saved}
    assert "administrative: 44" in source
    assert sorted(p for p in repo.rglob("*") if ".git" not in p.parts) == before  # nothing written


def test_a_county_files_findings_appear_on_the_county_file(tmp_path: Path) -> None:
    write(str(tmp_path), 12, 5)
    county = sorted(tmp_path.rglob("_county.yaml"))[0]
    text = county.read_text(encoding="utf-8")
    first = re.search(r"count: (\d+)", text)
    assert first
    county.write_text(text[: first.start()] + f"count: {int(first.group(1)) + 5}" + text[first.end():],
                      encoding="utf-8")
    plan = sorted(p for p in county.parent.glob("*.yaml") if not p.name.startswith("_"))[0]
    cli = cli_json(county.parent, tmp_path)
    want = sorted((f["code"], f["line"] - 1) for entry in cli["files"] if entry["path"].endswith("_county.yaml")
                  for f in entry["findings"])
    assert any(c == "ST951" for c, _ in want)

    async def test(editor: Editor) -> tuple[list[t.Diagnostic], list[t.Diagnostic], list[t.Diagnostic]]:
        editor.open(plan)
        on_county = await editor.wait(county.as_uri())  # published for the county file, not the plan
        own = await editor.wait(plan.as_uri(), 1)
        uri = editor.open(county)
        opened = await editor.wait(uri, 1)
        return on_county, own, opened

    on_county, own, opened = session(test, cwd=tmp_path)
    assert sorted((str(d.code), d.range.start.line) for d in on_county) == want
    assert not any(str(d.code).startswith("ST95") for d in own)
    assert sorted((str(d.code), d.range.start.line) for d in opened) == want


def test_no_result_cache_and_no_pack_from_an_untrusted_place(tmp_path: Path) -> None:
    """The server reads packs as `staffing check` does and keeps no result cache."""
    path = tmp_path / "orgs" / "x.yaml"
    path.parent.mkdir(parents=True)
    source = (ORGS / "jiangsu/taizhou/jingjiang/xinqiao.yaml").read_text(encoding="utf-8")
    (tmp_path / "orgs" / "evil.yaml").write_text("id: evil\n", encoding="utf-8")
    text = re.sub(r"^rule_pack: .*$", "rule_pack: ./evil.yaml", source, count=1, flags=re.M)
    assert text != source
    path.write_text(text, encoding="utf-8")
    cache = tmp_path / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}

    async def test(editor: Editor) -> list[t.Diagnostic]:
        return await editor.wait(editor.open(path), 1)

    found = session(test, cwd=tmp_path, env=env)
    assert seen(found) == expected(path, tmp_path)  # the same verdict on the pack as the command line
    assert all(p.suffix == ".md" for p in cache.rglob("*") if p.is_file())  # explanations only, no results


def test_a_plan_emptied_or_broken_in_the_editor_is_told_so_not_left_with_old_findings(tmp_path: Path) -> None:
    """A plan outside orgs/ is known as one by what it says; emptied or made into something
    else while it is open, its old findings are replaced by what `staffing check` says of it."""
    path = tmp_path / "zhangpu.yaml"
    path.write_text((ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml").read_text(encoding="utf-8"), encoding="utf-8")

    async def test(editor: Editor) -> list[list[t.Diagnostic]]:
        uri = editor.open(path)
        seen = [await editor.wait(uri, 1)]
        for text in ("", "a: b: c\n", "[]\n"):
            seen.append(await editor.wait(uri, editor.change(uri, text)))
        return seen

    opened, empty, broken, listed = session(test, cwd=tmp_path)
    assert {d.code for d in opened} >= {"ST201", "ST101"}
    for now in (empty, broken, listed):
        assert now and not {d.code for d in now} & {"ST201", "ST101"}, now
    assert any("空" in d.message for d in empty), empty


def test_a_linked_plan_is_told_what_check_and_the_hook_say_of_it(tmp_path: Path) -> None:
    """The editor shows on a linked plan what `staffing check` and the hook say of it (it is not
    checked as the file it points to), not findings the hook would never give."""
    from staffing.lsp.checker import Checker

    real = tmp_path / "zhangpu.yaml"
    real.write_text((ORGS / "jiangsu/suzhou/kunshan/zhangpu.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    link = tmp_path / "linked.yaml"
    link.symlink_to(real)
    checked = Checker().check_buffer(str(link), real.read_bytes())
    assert [c.findings for c in checked] == [[]]
    assert [p.key for c in checked for p in c.problems] == ["input.symlink"]
    assert {f.code for c in Checker().check_buffer(str(real), real.read_bytes()) for f in c.findings} >= {"ST201"}
