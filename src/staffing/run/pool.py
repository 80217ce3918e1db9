"""Work spread over every core: chunks handed to worker processes, each result taken in the
parent as it comes.  Used to check plans (`staffing.run.batch`) and to draw their charts
(`staffing.charts.draw`).  SIGTERM, SIGINT or any failure ends every worker before it
propagates: no worker outlives the run."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from staffing.errors import Interrupted

T = TypeVar("T")
R = TypeVar("R")

# Signals received during a pooled run.  The workers are forked with both signals blocked
# (an exception raised inside an at-fork callback would be dropped, with a traceback on
# stderr); should one be dropped elsewhere all the same, the run also looks here after each
# chunk and before it waits for the workers to end.
_SIGNALLED: list[int] = []


def _raise_interrupted(signum: int, frame: Any) -> None:
    _SIGNALLED.append(signum)
    raise Interrupted(signum)


def _quiet_exit(manager: Any, wakeup: Any) -> None:
    """After an interrupted run: the pool's own thread (`manager`) closes its wake-up pipe
    as it ends; it is let end now, and the interpreter's exit, which wakes it once more
    (`wakeup`), is kept from the closed pipe (Python 3.11 writes to it and prints a traceback
    after the run: seen under load by the signal test, with the thread ended or still
    ending).  Both are taken from the pool before it is shut down: its shutdown forgets them,
    not the interpreter's exit."""
    if manager is not None:
        manager.join(5)
    if wakeup is None:
        return
    wake = wakeup.wakeup

    def quietly() -> None:
        import contextlib

        with contextlib.suppress(OSError, ValueError):  # the pipe is closed: the thread is ending or gone
            wake()

    wakeup.wakeup = quietly


def _stop_if_signalled() -> None:
    if _SIGNALLED:
        raise Interrupted(_SIGNALLED[0])


_REMOVE_PENDING: list[Callable[[], None]] = []  # set in each worker as it starts


def _worker_terminated(signum: int, frame: Any) -> None:  # pragma: no cover - in a worker
    """SIGTERM in a worker (the parent ends the pool): the output it was writing is
    removed, not left half-written beside its target, then the worker ends.  A second
    SIGTERM (the parent's and the pool's own) is ignored rather than run inside the first,
    and nothing is imported here: a handler that imported was interrupted halfway through
    the import by the next signal and printed a traceback."""
    import os
    import signal

    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        for remove in _REMOVE_PENDING:
            remove()
    finally:
        os._exit(128 + signum)


def _init_worker(initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    import signal

    from staffing.io.output import remove_pending

    _REMOVE_PENDING[:] = [remove_pending]

    # Ctrl-C reaches the whole process group: a worker leaves it to the parent, which ends
    # the pool (see `pooled`), rather than printing a traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_terminated)
    # forked while the parent held both signals blocked (see `pooled`): take them again
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    initializer(*initargs)


def pooled(chunks: Sequence[list[T]], work: Callable[[list[T]], R], jobs: int,
           initializer: Callable[..., None], initargs: tuple[Any, ...], take: Callable[[R], None],
           meanwhile: Sequence[Callable[[], None]] = ()) -> None:
    """`work(chunk)` for every chunk on `jobs` processes (each set up once with
    `initializer(*initargs)`); `take` gets each result in the parent, in the order they
    finish.  `meanwhile`: work the parent does itself while the workers work, one step
    after another, taking the results that have come between two steps."""
    import multiprocessing as mp
    import signal
    import threading
    from concurrent.futures import ProcessPoolExecutor, as_completed

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    main_thread = threading.current_thread() is threading.main_thread()
    _SIGNALLED.clear()
    previous = {sig: signal.signal(sig, _raise_interrupted) for sig in (signal.SIGTERM, signal.SIGINT)} \
        if main_thread else {}
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                               initargs=(initializer, initargs))
    signals = {signal.SIGTERM, signal.SIGINT}
    try:
        if main_thread:  # the workers are forked here: a signal waits until they are
            signal.pthread_sigmask(signal.SIG_BLOCK, signals)
        try:
            futures = [pool.submit(work, c) for c in chunks]
        finally:
            if main_thread:  # a signal that came meanwhile is handled here, inside the try
                signal.pthread_sigmask(signal.SIG_UNBLOCK, signals)
        _stop_if_signalled()
        pending = set(futures)
        for step in meanwhile:
            step()
            _stop_if_signalled()
            for fut in [f for f in futures if f in pending and f.done()]:
                pending.discard(fut)
                take(fut.result())
                _stop_if_signalled()
        for fut in as_completed(pending):
            take(fut.result())
            _stop_if_signalled()
        # inside the try: a signal while the workers are ending ends them as any other does
        # (it came here, after the last result, when the run was nearly done, and left the
        # pool's thread half stopped and the interpreter's exit printing a traceback)
        pool.shutdown(wait=True)
        _stop_if_signalled()
    except BaseException:
        processes = list((getattr(pool, "_processes", None) or {}).values())
        manager = getattr(pool, "_executor_manager_thread", None)
        wakeup = getattr(pool, "_executor_manager_thread_wakeup", None)
        for proc in processes:
            proc.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        for proc in processes:
            proc.join(5)
        _quiet_exit(manager, wakeup)
        raise
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
