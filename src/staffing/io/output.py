"""Writing outputs whole or not at all, and never outside the chosen folder."""

from __future__ import annotations

import contextlib
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
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


NAME_BYTES = 120  # longest safe_name in UTF-8 bytes: room for suffixes under the usual 255


def safe_name(name: str, fallback: str = "plan") -> str:
    """A file name made from a plan's name that cannot climb out of its folder: letters
    (any script), digits, '.', '-' and '_' only, no leading dot, at most NAME_BYTES bytes."""
    cleaned = _UNSAFE.sub("_", name).strip("._")
    while len(cleaned.encode("utf-8")) > NAME_BYTES:
        cleaned = cleaned[: max(1, len(cleaned) - 1 - (len(cleaned.encode("utf-8")) - NAME_BYTES) // 3)]
    cleaned = cleaned.strip("._")
    return cleaned or fallback


def inside(folder: str | Path, relative: str | Path) -> Path:
    """`folder/relative`, refusing any path that would land outside `folder` (through
    '..', an absolute path or a symbolic link) or that holds a NUL."""
    if "\x00" in str(relative) or "\x00" in str(folder):
        raise ValueError("a path cannot contain a NUL character")
    base = Path(folder).resolve()
    target = (base / relative).resolve()
    if base != target and base not in target.parents:
        raise ValueError(f"{relative} would be written outside {folder}")
    return target
