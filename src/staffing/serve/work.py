"""The page's work (checking uploads, drawing charts, printing PDF) done in a bounded pool of
worker processes, so that no upload can hold the server up for others:

- at most `workers` jobs run at once, each in its own process; at most `queue` more wait
  for a worker, each for at most `wait_seconds`; past that the page says the server is busy;
- a job that runs longer than `seconds` has its process ended (and a new one started): the
  page says so, and the other jobs go on;
- each worker's memory is bounded (its address space, where the system has such a bound),
  and `dot`, started by a worker, keeps its own time and memory bounds;
- a job returns plain data (text, bytes); nothing is kept between jobs, nothing written.

The event loop only waits: every job is handed to a worker through a pipe, from a thread
of a pool the size of the worker pool."""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any


class JobFailed(Exception):
    """A job did not give its result: `key` names why in the catalogue (serve.busy,
    serve.timeout, serve.worker-died, serve.internal)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Bounds:
    workers: int = 2
    queue: int = 32  # jobs waiting for a worker
    seconds: float = 120.0  # one job, in its worker
    wait_seconds: float = 120.0  # waiting for a worker
    memory: int | None = 3 * 2**30  # address space of a worker, bytes (None: unbounded)


# ---- in the worker -----------------------------------------------------------------------


def _bound_memory(limit: int | None) -> None:
    if limit is None:
        return
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):  # Windows has no such bound
        pass


def worker_main(conn: Connection, memory: int | None, jobs: str) -> None:
    """A worker's life: take (name, payload), run the job of that name from the module
    `jobs`, send back ("ok", result) or ("error", key, params); never a traceback."""
    import importlib
    import signal

    with contextlib.suppress(ValueError, OSError, AttributeError):  # Ctrl-C is the parent's to handle
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _bound_memory(memory)
    module = importlib.import_module(jobs)
    table: dict[str, Callable[[Any], Any]] = module.JOBS
    warm = getattr(module, "warm", None)
    if warm is not None:
        with contextlib.suppress(Exception):
            warm()
    while True:
        try:
            name, payload = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[Any, ...] = ("ok", table[name](payload))
        except MemoryError:
            reply = ("error", "serve.memory", {})
        except Exception as exc:
            key = getattr(exc, "key", None)
            if isinstance(key, str) and key.startswith("serve."):  # a job's own refusal, with its message
                reply = ("error", key, {k: str(v) for k, v in dict(getattr(exc, "params", {}) or {}).items()})
            else:  # a bug of ours: one message, not a traceback
                reply = ("error", "serve.internal", {"reason": f"{type(exc).__name__}: {exc}"[:200]})
        try:
            conn.send(reply)
        except (OSError, ValueError):
            return


# ---- in the server -----------------------------------------------------------------------


class _Worker:
    def __init__(self, context: Any, memory: int | None, jobs: str) -> None:
        parent, child = context.Pipe()
        self.conn: Connection = parent
        self.process = context.Process(target=worker_main, args=(child, memory, jobs), daemon=True,
                                       name="staffing-serve-worker")
        self.process.start()
        child.close()

    def call(self, name: str, payload: Any, seconds: float) -> Any:
        try:
            self.conn.send((name, payload))
            if not self.conn.poll(seconds):
                raise JobFailed("serve.timeout", seconds=int(seconds))
            reply = self.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            raise JobFailed("serve.worker-died") from None
        if reply[0] == "ok":
            return reply[1]
        raise JobFailed(reply[1], **reply[2])

    def end(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


class Pool:
    """`workers` worker processes running the jobs of the module `jobs` (its JOBS table)."""

    def __init__(self, bounds: Bounds, jobs: str = "staffing.serve.jobs") -> None:
        self.bounds = bounds
        self.jobs = jobs
        self._context = multiprocessing.get_context("spawn")  # the same on every system; no forked threads
        self._threads = ThreadPoolExecutor(max_workers=max(1, bounds.workers), thread_name_prefix="staffing-serve")
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: list[_Worker] = []
        self._waiting = 0
        self._lock = threading.Lock()

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, self.bounds.memory, self.jobs)
        with self._lock:
            self._all.append(worker)
        return worker

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        started = await asyncio.gather(*(loop.run_in_executor(self._threads, self._spawn)
                                         for _ in range(max(1, self.bounds.workers))))
        for worker in started:
            self._idle.put_nowait(worker)

    async def call(self, name: str, payload: Any) -> Any:
        """The result of job `name` on `payload`, from a worker.  Raises JobFailed."""
        assert self._idle is not None, "the pool is not started"
        if self._waiting >= self.bounds.queue:
            raise JobFailed("serve.busy")
        self._waiting += 1
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout=self.bounds.wait_seconds)
        except TimeoutError:
            raise JobFailed("serve.busy") from None
        finally:
            self._waiting -= 1
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._threads, worker.call, name, payload, self.bounds.seconds)
        except JobFailed as exc:
            if exc.key in ("serve.timeout", "serve.worker-died", "serve.memory"):
                worker = await loop.run_in_executor(self._threads, self._replace, worker)
            raise
        finally:
            self._idle.put_nowait(worker)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.end()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        return self._spawn()

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]

    def close(self) -> None:
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.end()
        self._threads.shutdown(wait=False, cancel_futures=True)
