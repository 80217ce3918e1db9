"""How long an editor waits for `staffing lsp`: from the last change of a typical plan to the
diagnostics published for that version, over stdio with pygls's own client, as an editor
sees it (the server's pause after the last keystroke included).  Prints the median and p95
and, beside them, how long `yamllint` takes on the same file from the command line (the
usual YAML linter an editor runs on save), for scale.

    .venv/bin/python benchmarks/lsp_latency.py [--rounds 200] [PLAN]

Target: a median within 100 ms.  Not a test: this machine is shared, run it when quiet.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from lsprotocol import types as t
from pygls.lsp.client import LanguageClient

from staffing.lsp.server import DEBOUNCE

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "orgs" / "jiangsu" / "suzhou" / "kunshan" / "zhangpu.yaml"
STAFFING = Path(sys.executable).parent / "staffing"


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def measure(plan: Path, rounds: int) -> list[float]:
    client = LanguageClient("benchmark", "1")
    arrived: dict[int, float] = {}
    event = asyncio.Event()

    @client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: t.PublishDiagnosticsParams) -> None:
        if params.version is not None:
            arrived[params.version] = time.perf_counter()
            event.set()

    await client.start_io(str(STAFFING), "lsp", "--stdio", cwd=str(plan.parent))
    await client.initialize_async(t.InitializeParams(capabilities=t.ClientCapabilities()))
    client.initialized(t.InitializedParams())
    uri = plan.as_uri()
    text = plan.read_text(encoding="utf-8")
    client.text_document_did_open(t.DidOpenTextDocumentParams(
        text_document=t.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
    while 1 not in arrived:
        event.clear()
        await event.wait()
    times = []
    for version in range(2, rounds + 2):
        edited = text + f"# {version}\n"  # a keystroke's worth of change, a different text each time
        sent = time.perf_counter()
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=edited)]))
        while version not in arrived:
            event.clear()
            await event.wait()
        times.append(arrived[version] - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return times


def yamllint_time(plan: Path, rounds: int = 20) -> float | None:
    exe = shutil.which("yamllint", path=str(Path(sys.executable).parent)) or shutil.which("yamllint")
    if exe is None:
        return None
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([exe, "-d", "relaxed", str(plan)], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plan", nargs="?", type=Path, default=PLAN)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="one JSON line (benchmarks/national.py reads it)")
    args = parser.parse_args()
    times = asyncio.run(measure(args.plan.resolve(), args.rounds))
    if args.json:
        lint = yamllint_time(args.plan)
        print(json.dumps({"plan": str(args.plan), "changes": len(times),
                          "median_ms": round(statistics.median(times) * 1000, 1), "p95_ms": round(p95(times) * 1000, 1),
                          "pause_ms": round(DEBOUNCE * 1000), "yamllint_one_file_ms": None if lint is None else round(lint * 1000, 1)}))
        return 0
    print(f"plan: {args.plan} ({args.plan.stat().st_size} bytes, {len(args.plan.read_text(encoding='utf-8').splitlines())} lines)")
    print(f"last change → diagnostics published, {len(times)} changes: median {statistics.median(times) * 1000:.1f} ms, "
          f"p95 {p95(times) * 1000:.1f} ms (of which the pause after the last change: {DEBOUNCE * 1000:.0f} ms)")
    lint = yamllint_time(args.plan)
    if lint is not None:
        print(f"yamllint -d relaxed on the same file, one run from the command line: median {lint * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
