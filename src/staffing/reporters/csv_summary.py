"""`--output csv=汇总.csv`: one row per plan, UTF-8 with a BOM and CRLF line ends, so Excel
on Chinese Windows opens it without mojibake (without the BOM it reads the file as GBK)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from staffing.reporters.summary import PLAN_COLUMNS, defused, header, plan_rows

if TYPE_CHECKING:
    from staffing.run.results import Run


def report(run: Run, lang: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header(PLAN_COLUMNS, lang))
    for row in plan_rows(run, lang):
        writer.writerow(["" if row[c] is None else defused(row[c]) for c in PLAN_COLUMNS])
    return "\ufeff" + buf.getvalue()
