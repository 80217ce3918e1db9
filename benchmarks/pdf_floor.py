"""What WeasyPrint alone costs for the review report's PDF: the floor of issue 28's PDF lines.

    .venv/bin/python benchmarks/pdf_floor.py --one PLAN.yaml --many DIR [--rounds 5]

Makes the page `staffing report … -o X.pdf` hands to its PDF child, for one plan and for a
folder of plans (the command itself, in this process, with the child's `make` replaced by
keeping the page), then times, in this one warm process (WeasyPrint and its fonts already
loaded, as in the child when the page arrives), laying each page out and writing its PDF,
the two pages in turn, medians of --rounds after one warm-up, each round with WeasyPrint as it
comes and as the report's engine runs it (a chart's text laid out a line at a time,
staffing.report.svg_text).  Prints, for each, the seconds for one plan, for the folder, and
(folder - one) / (plans - 1): what WeasyPrint spends on each further plan's pages, before
anything of ours; and, in a fresh interpreter, what loading WeasyPrint and its fonts takes
(the child's start).  Wall clock: read it on a quiet machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

LOAD = ("import time; t = time.perf_counter(); import weasyprint, weasyprint.pdf; "
        "from weasyprint.text.fonts import FontConfiguration; FontConfiguration(); "
        "print(time.perf_counter() - t)")


def page_of(path: str) -> str:
    """The page the PDF child would be handed for `staffing report PATH -o X.pdf`."""
    import staffing.report.pdf as pdf
    from staffing.cli.main import main

    kept: list[str] = []

    def keep(self: pdf.PdfEngine, html: str) -> bytes:
        kept.append(html)
        self.close()
        return b"%PDF-"

    stock = pdf.PdfEngine.make
    pdf.PdfEngine.make = keep  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory() as out:
            main(["report", path, "-o", str(Path(out) / "x.pdf")])
    finally:
        pdf.PdfEngine.make = stock  # type: ignore[method-assign]
    return kept[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--one", required=True, help="one plan")
    ap.add_argument("--many", required=True, help="a folder of plans")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    plans = len([p for p in Path(args.many).iterdir() if p.suffix in (".yaml", ".yml", ".json", ".xlsx")
                 and not p.name.startswith(("_", "."))])
    pages = {"one": page_of(args.one), "many": page_of(args.many)}

    import weasyprint
    import weasyprint.svg as svg
    from weasyprint.text.fonts import FontConfiguration

    from staffing.report.svg_text import lay_out_lines_whole

    # WeasyPrint as it comes, and as the report's engine runs it (a chart's text laid out a line
    # at a time: staffing.report.svg_text), the two in turn each round
    # (every name the text drawing is known by, kept and put back together: see svg_text)
    stock = dict(svg.TAGS), svg.text
    if not lay_out_lines_whole():
        print("(this WeasyPrint is not one the line-at-a-time drawing was checked against: both are stock)")
    whole = dict(svg.TAGS), svg.text
    fonts = FontConfiguration()
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.rounds + 1):
        for how, (drawings, named) in (("stock", stock), ("lines whole", whole)):
            svg.TAGS.update(drawings)
            svg.text = named
            for name, html in pages.items():
                start = time.perf_counter()
                weasyprint.HTML(string=html, base_url=None).render(font_config=fonts).write_pdf()
                times.setdefault((how, name), []).append(time.perf_counter() - start)
    load = statistics.median(float(subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True,
                                                  check=True).stdout) for _ in range(3))
    print(f"WeasyPrint loaded with its fonts: {load:.3f} s (a fresh interpreter, median of 3)")
    for how in ("stock", "lines whole"):
        one, many = (statistics.median(times[how, n][1:]) for n in ("one", "many"))
        print(f"{how}: one plan's page {one:.3f} s; {plans} plans' page {many:.3f} s (medians of {args.rounds}); "
              f"each further plan {(many - one) / max(1, plans - 1):.3f} s of WeasyPrint alone")
    return 0


if __name__ == "__main__":
    sys.exit(main())
