"""Writing outputs whole or not at all, and never outside the chosen folder."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, then rename it into place: an interrupted
    or failing run leaves the old file or none, never half a file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for sharing
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_name(name: str, fallback: str = "plan") -> str:
    """A file name made from a plan's name that cannot climb out of its folder."""
    cleaned = _UNSAFE.sub("_", name).strip("._")
    return cleaned[:100] or fallback


def inside(folder: str | Path, relative: str | Path) -> Path:
    """`folder/relative`, refusing any path that would land outside `folder`."""
    base = Path(folder).resolve()
    target = (base / relative).resolve()
    if base != target and base not in target.parents:
        raise ValueError(f"{relative} would be written outside {folder}")
    return target
