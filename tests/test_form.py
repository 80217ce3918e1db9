"""The plan workbook as the form an office fills in by hand, in Excel or WPS: what a blank
cell means, every column the template offers can be filled, messages in the form's own words,
instructions that match the sheets, drop-downs any spreadsheet program keeps, and files that
are not plans said to be what they are.  Real workbooks, written and opened with openpyxl."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from staffing.cli import main as cli


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# ---- files that are not plans ----------------------------------------------------------------

def _docx(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return path


def _pdf(path: Path) -> Path:
    done = subprocess.run(["dot", "-Tpdf"], input=b"digraph { a -> b }", capture_output=True, check=True)
    path.write_bytes(done.stdout)
    return path


@pytest.mark.parametrize(("name", "said"), [
    ("方案.docx", "这是 Word 文档（.docx），不能直接检查：请把方案填入 Excel 模板"),
    ("方案.pdf", "这是 PDF 文件，不能直接检查：请把方案内容填入 Excel 模板"),
    ("方案.yaml", "这是 Word 文档（.yaml），不能直接检查"),  # by its bytes, whatever its name
    ("方案.xlsx", "这是 Word 文档（.xlsx），不能直接检查"),
    ("方案.xls", "这是旧版 Excel 或 WPS 表格文件（.xls），不能直接读取：请在 Excel 或 WPS 中“另存为” .xlsx"),
])
def test_a_word_file_or_a_pdf_is_told_what_to_do(name: str, said: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / name
    if name.endswith(".pdf"):
        _pdf(path)
    elif name.endswith(".xls"):
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    else:
        _docx(path)
    code, out, _ = run(["check", str(path), "--no-cache"], capsys)
    assert code == 2
    assert said in out and ("staffing template" in out or name.endswith(".xls")), out
    assert "NUL" not in out and "控制字符" not in out
    code, out, _ = run(["check", str(path), "--no-cache", "--lang", "en"], capsys)
    assert code == 2 and "cannot" in out and "NUL" not in out


def test_documents_in_a_folder_are_listed_as_not_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _docx(tmp_path / "新桥镇三定方案.docx")
    _pdf(tmp_path / "新桥镇三定方案.pdf")
    code, out, _ = run(["check", str(tmp_path), "--no-cache"], capsys)
    assert code == 2
    assert "新桥镇三定方案.docx: 已跳过：是 Word、PDF 或旧版表格文件，不作为方案检查" in out
    assert "新桥镇三定方案.pdf: 已跳过" in out and "跳过文件2个" in out
