"""Writing outputs whole or not at all, and never outside the chosen folder."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from pathlib import Path

# Temporary files are named `.<target>.staffing-<pid>-<random>.tmp`: a run killed while it
# wrote one (SIGKILL, a power cut) leaves it behind, and the next run that writes the same
# target removes it once no process with that number is alive.
_TMP_MARK = ".staffing-"
_PENDING: set[str] = set()  # temporaries being written now, for a signal handler to remove


def remove_pending() -> None:
    """Remove the temporaries this process is writing (from a SIGTERM handler)."""
    for tmp in list(_PENDING):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _PENDING.clear()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True


def remove_stale(target: Path) -> None:
    """Remove what killed runs left beside `target`: our own temporaries of this target whose
    process is gone."""
    prefix = f".{target.name}{_TMP_MARK}"
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid_text = name[len(prefix):].split("-", 1)[0]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and not _alive(int(pid_text)):
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)


def _stream(target: Path, payload: bytes) -> None:
    """Write into an existing device or pipe (/dev/stdout, /dev/null, a FIFO) as a stream:
    it is never replaced by a file.  A pipe nobody reads is refused rather than waited on."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OSError(errno.ENXIO, "no reader on the pipe", str(target)) from None
        raise
    try:
        os.set_blocking(fd, True)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, then rename it into place: an interrupted
    or failing run leaves the old file or none, never half a file.

    Only a regular file is ever renamed over.  An existing character device or pipe
    (/dev/stdout, /dev/null, a FIFO) is written into as a stream; a symbolic link to a
    regular file keeps the link and replaces the file it points to; anything else (a
    folder, a block device, a socket, a link to nothing) is refused with an OSError."""
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
        if os.path.islink(target):
            raise OSError(errno.ENOENT, "broken symbolic link", str(target)) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            _stream(target, payload)
            return
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
        raise OSError(errno.EINVAL, "not a regular file, a device or a pipe", str(target))
    if info is not None and os.path.islink(target):
        target = Path(os.path.realpath(target))  # the link stays; the file it names is replaced
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{_TMP_MARK}{os.getpid()}-", suffix=".tmp",
                               dir=target.parent)
    _PENDING.add(tmp)
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
    finally:
        _PENDING.discard(tmp)


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
