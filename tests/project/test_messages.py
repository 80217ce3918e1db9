"""Every Chinese message in the catalogue reads as an establishment office would write it.

The scan applies to every entry, including those added later: Chinese text uses
full-width punctuation (，：；（）“”？！), has no space between Chinese and an inserted
value, counts 编制 and 职数 in 名 (not 个), and carries no ASCII identifier (a slug, an id,
a role key, an English word) — only the few proper names, file formats and commands a
reader types, listed below with the reason each is allowed.
"""

from __future__ import annotations

import re

import pytest

from staffing.checks import CHECKS
from staffing.messages import CATALOGUE, plural, render

# ASCII words a Chinese message may contain, and why.
ALLOWED_WORDS = {
    # names of formats, encodings and programs, written the way their makers write them
    "YAML", "JSON", "UTF-8", "UTF-16", "UTF-32", "GBK", "GB18030", "Big5", "BOM", "NUL", "Tab", "Graphviz", "dot", "fontconfig",
    "fc-list", "git", "TOML", "MB", "Excel", "WPS", "Word", "xlsx", "Debian", "Ubuntu", "macOS", "SVG", "PNG", "PDF", "SARIF", "JUnit", "GitHub", "U",
    "Python", "Jenkins", "Actions", "GitLab", "HTML", "CSV", "Schema",
    # what an office installs on Windows for charts and PDF (the page, `staffing serve`, says so)
    "Windows", "MSYS2", "Pango",
    # the key that stops the page's server, as printed on the keyboard
    "Ctrl", "C",
    # what `staffing init` tells an office to install and where it installs the tool from
    "pre-commit", "wheel", "sha256", "https", "ssh", "http",
    # what a user types: the date format, YAML's booleans, the language codes
    "YYYY-MM-DD", "true", "false", "zh", "en",
    # keys a user writes in a rule pack or a waiver file, quoted as they must be typed
    "source", "seed", "quote", "value", "extends", "waivers", "check", "town", "reason", "approval",
    "approver", "expires", "STAFFING_TODAY", "documents", "title",
    # a key a user writes in a plan, quoted as it must be typed (declaring a section not provided)
    "not_provided",
    # keys a user writes in a plan, named in a pack's notes on how names are read
    "role", "category", "keywords", "patterns", "rule_pack",
    # paper sizes, named as printers and office programs name them
    "A3", "A4",
}
# ASCII runs allowed whole: a command line to type, an option, a file suffix
ALLOWED_RUNS = re.compile(
    r"^(?:(?:sudo|brew|bash|staffing|pip|py|winget|pacman)(?: [ -~]*)?|--?[a-z-]+(?: [A-Za-z0-9]+)?(?: *=)?|\.(?:svg|png|pdf|dot|yaml|yml|json|xlsx|xls|html|docx|doc)|![A-Z]{1,3}[0-9]+"
    r"|\*|&|<<|1\+4|24|[0-9]+|U\+"
    # the names of the configuration and waiver files, which the user creates under those names
    r"|staffing\.toml|staffing-waivers\.yaml)$"
)
CJK = "\u3400-\u9fff"
FULL = "，。：；（）“”‘’？！、《》…·—"
FIELD = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%\([a-z_]+\)[srd]|%[srd]")  # str.format fields, and argparse's


def _zh_entries() -> list[tuple[str, str]]:
    return sorted((key, zh) for key, (zh, _en) in CATALOGUE.everything().items())


def ascii_problems(text: str) -> list[str]:
    """ASCII words and half-width punctuation in Chinese text, fields left out."""
    bare = FIELD.sub("\x00", text)
    found = []
    for run in re.findall(r"[!-~](?:[ !-~]*[!-~])?", bare.replace("\x00", " ")):
        if ALLOWED_RUNS.match(run):
            continue
        words = re.findall(r"[A-Za-z][A-Za-z0-9_-]*(?:[0-9])?", run)
        found += [f"word {w!r}" for w in words if w not in ALLOWED_WORDS and w.rstrip("-") not in ALLOWED_WORDS]
        rest = re.sub(r"[A-Za-z][A-Za-z0-9_-]*", "", run)
        found += [f"half-width {c!r} in {run!r}" for c in rest if c in ",;:()!?\"'[]"]
    return found


def spacing_problems(text: str) -> list[str]:
    zh = f"[{CJK}{FULL}]"
    out = []
    for m in re.finditer(rf"{zh} +\{{|\}} +{zh}|{zh} +[0-9]|(?<![A-Za-z0-9-])[0-9]+ +[{CJK}]", text):
        out.append(f"space in {m.group()!r}")
    return out


def unit_problems(text: str) -> list[str]:
    # 编制 and 职数 are counted in 名: "行政编制44名", never "44个"
    out = []
    for clause in re.split(f"[{FULL}]", text):
        if re.search("编制|职数|编随事走", clause) and re.search(r"\}个|[0-9]个", clause):
            out.append(f"个 for 编制 or 职数 in {clause!r}")
    return out


@pytest.mark.parametrize(("key", "zh"), _zh_entries(), ids=[k for k, _ in _zh_entries()])
def test_chinese_message_reads_as_chinese(key: str, zh: str) -> None:
    assert ascii_problems(zh) + spacing_problems(zh) + unit_problems(zh) == []


def _doc_lines() -> list[tuple[str, str]]:
    """The prose of every check's Chinese documentation (`staffing explain`, the user guide):
    lines indented by four spaces are YAML as typed, and `backticked` text is a key or value
    to type, so both are left out; the rest is held to the catalogue's rules."""
    out = []
    for check in CHECKS:
        code, parts = check.code, check.doc_zh
        for n, part in enumerate(parts):
            for line in part.splitlines():
                if not line.startswith("    "):
                    out.append((f"{code}.{n}", re.sub(r"`[^`]+`", "\x00", line).replace("\x00", "")))
    return out


@pytest.mark.parametrize(("where", "zh"), _doc_lines(), ids=[w for w, _ in _doc_lines()])
def test_check_documentation_reads_as_chinese(where: str, zh: str) -> None:
    assert ascii_problems(zh) + spacing_problems(zh) + unit_problems(zh) == []


def _pack_texts() -> list[tuple[str, str]]:
    """Every Chinese text of the shipped packs (titles, notes, document titles, role and
    category names): shown in Chinese output and in `staffing rules` as written."""
    import yaml

    from conftest import RULES

    found: list[tuple[str, str]] = []

    def walk(node: object, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "zh" and isinstance(value, str):
                    found.append((where, value))
                else:
                    walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    for path in sorted(RULES.glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.stem)
    return found


@pytest.mark.parametrize(("where", "zh"), _pack_texts(), ids=[w for w, _ in _pack_texts()])
def test_pack_chinese_reads_as_chinese(where: str, zh: str) -> None:
    assert ascii_problems(zh) + spacing_problems(zh) + unit_problems(zh) == []


def test_scanner_catches_what_the_issue_showed() -> None:
    """The scanner itself fails on the messages that were wrong."""
    assert ascii_problems("本单位类型为 street")
    assert ascii_problems("规则包 jiangsu-developed-town")
    assert ascii_problems("(角色 approval_service)")
    assert ascii_problems("语法错误:could not find expected ':'")
    assert ascii_problems("超过上限{limit}个(多{excess}个)")
    assert spacing_problems("从 {source} 划入")
    assert spacing_problems("职能机构 {count} 个")
    assert unit_problems("行政编制{after}个，超过改革前{before}个")
    assert unit_problems("领导职数{after}个")
    assert not unit_problems("职能机构{count}个，超过上限{limit}个")
    assert not ascii_problems("运行 fc-list 失败：{reason}")
    assert not ascii_problems("可用 --max-bytes 调整")
    assert ascii_problems("ST201 staffing-grows")  # a slug is not a command line
    assert not ascii_problems("运行 staffing rules 查看")


def test_every_entry_has_both_languages() -> None:
    for key, (zh, en) in CATALOGUE.everything().items():
        assert zh.strip() and en.strip(), key


# Fields the catalogue fills itself, in Chinese, from an English reason (`render`): the
# operating system's and git's words.
COMPUTED_CHINESE = {"reason_zh", "git_zh"}


def test_a_text_in_both_languages_is_one_parameter() -> None:
    """A bilingual value is one parameter, a `Words`, that each template shows in its own
    language: no template takes the same value twice, as {x} and {x_en} (or {x_zh})."""
    import string

    pairs = []
    for key, templates in CATALOGUE.everything().items():
        for template in templates:
            for _, name, _, _ in string.Formatter().parse(template):
                base = (name or "").split(".", 1)[0].split("[", 1)[0]
                if base.endswith("_en") or (base.endswith("_zh") and base not in COMPUTED_CHINESE):
                    pairs.append((key, base))
    assert pairs == []


def test_a_words_parameter_is_shown_in_the_message_language() -> None:
    from staffing.errors import problem
    from staffing.words import Words

    p = problem("plan.yaml", "input.schema", 3, 5, field=Words("实有人数", "people in post"),
                reason=Words("应为整数", "must be a whole number"))
    assert p.message("zh") == "实有人数：应为整数"
    assert p.message("en") == "people in post: must be a whole number"
    assert dict(p.params)["field"] == Words("实有人数", "people in post")


def test_english_plurals() -> None:
    assert plural(1, "plan", "plans") == "1 plan"
    assert plural(2, "plan", "plans") == "2 plans"
    assert plural(0, "plan", "plans") == "0 plans"
    assert render("report.summary", "en", {"plans": 1, "passed": 1, "failed": 0, "unusable": 0, "incomplete": 0, "unknown": 0, "skipped": 0, "errors": 1,
                                            "warnings": 0, "waived": 0}).startswith("1 plan checked")


def test_each_area_owns_the_first_parts_of_its_keys() -> None:
    """The catalogue reads an area's words when a key of the area is first asked for, by the
    key's first part: every key of an area starts with one of the parts the catalogue says
    are the area's, and no part belongs to two areas."""
    import importlib

    from staffing.messages import AREAS

    for area in sorted(set(AREAS.values())):
        words = importlib.import_module(f"staffing.words.{area}").WORDS
        strays = sorted(k for k in words if AREAS.get(k.split(".", 1)[0]) != area)
        assert strays == [], (area, strays)


def test_an_area_read_by_many_threads_at_once_gives_every_thread_its_words() -> None:
    """The page draws charts on threads: threads asking for words of an area not read yet, at
    the same moment, each get them (never a KeyError while another thread is still reading)."""
    import subprocess
    import sys

    program = """
import threading
from staffing.messages import CATALOGUE
start = threading.Barrier(16)
failed = []
def ask(n):
    start.wait()
    key = ["chart.chart", "rpt.findings", "xlsx.sheet.town", "summary.col.town"][n % 4]
    try:
        CATALOGUE[key]
    except KeyError as exc:
        failed.append(repr(exc))
threads = [threading.Thread(target=ask, args=(n,)) for n in range(16)]
for t in threads: t.start()
for t in threads: t.join()
print(len(failed))
"""
    for _ in range(5):
        done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "0"


@pytest.mark.parametrize(("text", "shown"), [
    ("镇设党政办公室,党建工作办公室;另设1至3个", "镇设党政办公室，党建工作办公室；另设1至3个"),
    ("综合执法局(挂牌)", "综合执法局（挂牌）"),
    ("是否经过审批?", "是否经过审批？"),
    ("称为\"5张清单\"的制度", "称为“5张清单”的制度"),
    ("“一支队伍”管执法 ,集中", "“一支队伍”管执法，集中"),  # the space before the mark goes with it
    ("称为\"5张清单的制度", "称为\"5张清单的制度"),  # an odd quotation mark is left as written
    ("No more than 10 bodies (Jiangsu), see \"the plan\".", "No more than 10 bodies (Jiangsu), see \"the plan\"."),
    ("编制总量不增加", "编制总量不增加"),
])
def test_a_quote_is_shown_with_full_width_marks_next_to_chinese(text: str, shown: str) -> None:
    from staffing.messages import full_width

    assert full_width(text) == shown
