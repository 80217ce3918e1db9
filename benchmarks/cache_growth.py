"""How the result cache grows as a plan is edited: a folder of plans is checked, then one of
its plans is edited (a comment line appended) and the folder checked again, `edits` times;
printed at the end, the rows of each table of the cache and the database's size.  Files count
as settled at once (cache.RACY_NS is 0 in this process), as they would a few seconds later.

    .venv/bin/python benchmarks/cache_growth.py /work/corpus/gen2000/orgs/jiangsu/taizhou/mingsong 50

The folder is copied to a temporary one, and the cache is a fresh one beside it (or
$STAFFING_CACHE_DIR, emptied first).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from staffing.run import cache
from staffing.run.batch import check_paths
from staffing.run.read import folder_plans
from staffing.run.results import Settings


def main(source: str, edits: int) -> None:
    cache.RACY_NS = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plans"
        shutil.copytree(source, folder)
        where = Path(os.environ.get("STAFFING_CACHE_DIR") or Path(tmp) / "cache")
        shutil.rmtree(where, ignore_errors=True)
        paths = folder_plans(str(folder))
        edited = Path(paths[0])
        check_paths(paths, Settings(), jobs=1, cache_dir=where)
        for n in range(edits):
            with open(edited, "a", encoding="utf-8") as f:
                f.write(f"# edit {n}\n")
            check_paths(paths, Settings(), jobs=1, cache_dir=where)
        _, cached = check_paths(paths, Settings(), jobs=1, cache_dir=where)
        db = sqlite3.connect(where / cache.DB_FILE)
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        counts = {name: db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in names}
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
        size = (where / cache.DB_FILE).stat().st_size
        print(f"{len(paths)} plans, {edits} edits of one, last run {cached} from the cache")
        print("rows: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
        print(f"database: {size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 50)
