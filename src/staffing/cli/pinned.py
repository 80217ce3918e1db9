"""Where a plans repository's CI jobs and pre-commit hook install staffing from: a source the
repository names and pins, never a bare package name from a public index (anyone could
register `staffing` there, and every plans repository's CI would run their code).

Three kinds of source, given with `staffing init --install SPEC`:

- `git+URL@COMMIT` (or `staffing @ git+URL@COMMIT`): the tool's git repository at a full
  commit, as pre-commit's `repo`/`rev`.  CI clones it, installs the dependencies from the
  lock at that commit with every file's hash checked (`requirements.lock`), then the tool
  itself without resolving anything.  The hook is this repository's `.pre-commit-hooks.yaml`.
- `https://…/staffing-….whl#sha256=HEX`: a wheel the office keeps, checked against its hash.

A package index (`https://…/simple/`, public, a mirror or the office's own) is refused: a
version from an index names no bytes (whoever controls the index, or the name on it, serves
what they like under that version), so the jobs would run whatever the index hands out that
day.  So is every address fetched in clear (`http://`, `git://`): a full commit or a hash
still pins the bytes, but nothing in between should get to try.

Without `--install`, what the running tool knows of where it came from: its PEP 610 record
(`direct_url.json`: a git URL and commit, a wheel URL and hash), or, for a copy installed from
a folder, that folder's git remote and HEAD commit (pushed there).  A source only this
machine can reach, or none at all, is refused: CI could not install it.
"""

from __future__ import annotations

import json
import re
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from staffing.errors import InputProblem, problem

COMMIT = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64})$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
REMOTE_SCHEMES = ("https", "http", "ssh", "git")
# reachable, but fetched in clear: refused as a source
CLEAR_SCHEMES = ("http", "git")
# the pip requirement's name, when the spec is written as a PEP 508 direct reference
DIRECT = re.compile(r"^staffing\s*@\s*", re.I)
SCP_LIKE = re.compile(r"^[\w.-]+@[\w.-]+:(?!//)")  # git@host:group/repo.git


@dataclass(frozen=True)
class Pinned:
    """One pinned source of the tool: `kind` is "git" (url: the repository, rev: a full
    commit) or "wheel" (url: the file, sha256: its hash).  Both name the bytes installed."""

    kind: str
    url: str
    rev: str = ""
    sha256: str = ""

    def requirement(self) -> str:
        """As pip takes it: the wheel with its hash, or the repository at its commit."""
        if self.kind == "wheel":
            return f"staffing @ {self.url}#sha256={self.sha256}"
        return f"staffing @ git+{self.url}@{self.rev}"

    def shown(self) -> str:
        """What the next steps name as the source."""
        if self.kind == "git":
            return f"{self.url}@{self.rev[:12]}"
        return self.url

    def install_lines(self) -> list[str]:
        """The shell lines a CI job runs to install exactly this (bash, one session)."""
        q = shlex.quote
        if self.kind == "git":
            return [
                'tool="$(mktemp -d)"',
                f'git clone --quiet {q(self.url)} "$tool"',
                f'git -C "$tool" checkout --quiet --detach {self.rev}',
                'pip install --require-hashes --no-deps -r "$tool/requirements.lock"',
                'pip install --no-deps --no-build-isolation "$tool"',
            ]
        return [f"pip install {q(self.requirement())}"]


def _refuse(key: str, **params: str) -> InputProblem:
    return problem("--install", key, None, None, **params)


def _usable_url(url: str, spec: str) -> str:
    """`url` when it can be written into a YAML file and a shell line as it is meant."""
    if not url or any(ch.isspace() or not ch.isprintable() for ch in url):
        raise _refuse("init.install-unusable", spec=spec)
    return url


def _in_clear(url: str) -> bool:
    """Whether `url` is fetched without encryption (http://, git://)."""
    return urlsplit(url).scheme.lower() in CLEAR_SCHEMES


def _has_credentials(text: str) -> bool:
    """Whether a URL in `text` carries a user name or a password (https://user:token@host/…)."""
    url = text[4:] if text.startswith("git+") else text
    parts = urlsplit(url)
    return bool(parts.netloc) and "@" in parts.netloc and parts.scheme.lower() != "ssh"


def _without_credentials(spec: str) -> str:
    """`spec` with what stands before "@" in its host part hidden, for a message."""
    return re.sub(r"(://)[^/@\s]*@", r"\1***@", spec)


def _is_url(text: str) -> bool:
    return bool(urlsplit(text).scheme in REMOTE_SCHEMES + ("file",) and urlsplit(text).netloc) or (
        text.startswith("file:///"))


def parse_install(spec: str) -> Pinned:
    """The source `--install SPEC` names, or an InputProblem saying why it pins nothing."""
    text = DIRECT.sub("", spec.strip(), count=1)
    if any(ch.isspace() or not ch.isprintable() for ch in text) or not text:
        raise _refuse("init.install-unusable", spec=spec)
    if _has_credentials(text):  # written into files that are committed and shown in CI logs
        raise _refuse("init.install-credentials", spec=_without_credentials(spec))
    if text.startswith("git+"):
        base, _, fragment = text.partition("#")
        if fragment.startswith("egg="):
            text = base  # pip's way of naming the package (…@COMMIT#egg=staffing): the name is known
        url, sep, rev = text[4:].rpartition("@")
        if not sep or "/" in rev or not (_is_url(url) or SCP_LIKE.match(url)):
            raise _refuse("init.install-no-commit", spec=spec)
        if _in_clear(url):
            raise _refuse("init.install-in-clear", spec=spec)
        if not COMMIT.match(rev):
            raise _refuse("init.install-short-commit", rev=rev, command=f"git ls-remote {url} HEAD")
        return Pinned("git", _usable_url(url, spec), rev=rev)
    if _is_url(text):
        if _in_clear(text):
            raise _refuse("init.install-in-clear", spec=spec)
        base, _, fragment = text.partition("#")
        if not urlsplit(base).path.lower().endswith(".whl"):
            # an index (or anything else that is not one file): a version from it pins no bytes
            raise _refuse("init.install-index", spec=spec)
        digest = fragment[len("sha256="):] if fragment.startswith("sha256=") else ""
        if not SHA256.match(digest):
            raise _refuse("init.install-no-hash", spec=spec)
        return Pinned("wheel", _usable_url(base, spec), sha256=digest)
    raise _refuse("init.install-bare", spec=spec)


# ---- what the running tool knows of its own source ------------------------------------------


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=30,
                              check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _reachable(url: str) -> bool:
    """Whether another machine (a CI runner) could fetch `url`: a network address, not a
    path or file of this machine."""
    return urlsplit(url).scheme in REMOTE_SCHEMES or bool(SCP_LIKE.match(url))


def _source_url(url: str) -> str:
    """The address the running tool came from, when CI may be told to fetch it: reachable from
    another machine, encrypted, with no user name or password (a CI clone's remote often
    carries its job token) — the token is never shown, in the message either."""
    if _has_credentials(url):
        raise _refuse("init.no-pin-credentials", url=_without_credentials(url))
    if not _reachable(url):
        raise _refuse("init.no-pin-local", url=url)
    if _in_clear(url):
        raise _refuse("init.no-pin-in-clear", url=url)
    return url


def _from_checkout(folder: Path) -> Pinned:
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top is None:
        raise _refuse("init.no-pin-source")
    root = Path(top)
    branch = _git(root, "symbolic-ref", "--quiet", "--short", "HEAD") or ""
    remote = (_git(root, "config", f"branch.{branch}.remote") if branch else None) or "origin"
    url = _git(root, "remote", "get-url", remote)
    rev = _git(root, "rev-parse", "HEAD") or ""
    if not url:
        raise _refuse("init.no-pin-remote", folder=str(root))
    url = _source_url(url)
    pushed = _git(root, "for-each-ref", "--contains", rev, "--format=%(refname)", f"refs/remotes/{remote}/")
    if not pushed:
        raise _refuse("init.no-pin-unpushed", rev=rev[:12], url=url)
    return Pinned("git", url, rev=rev)



def running_tool() -> Pinned:
    """The source the running tool was installed from, pinned; an InputProblem when there
    is none another machine could install from."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        record = distribution("staffing").read_text("direct_url.json")
    except PackageNotFoundError:
        record = None
    if not record:
        raise _refuse("init.no-pin-source")
    try:
        info = json.loads(record)
        url = str(info["url"])
    except (ValueError, KeyError, TypeError):
        raise _refuse("init.no-pin-source") from None
    vcs = info.get("vcs_info") or {}
    at_commit = vcs.get("vcs") == "git" and COMMIT.match(str(vcs.get("commit_id", "")))
    archive = info.get("archive_info")
    if url.startswith("file://") and not at_commit and archive is None:
        return _from_checkout(Path(unquote(urlsplit(url).path)))  # a checkout: pinned by its remote
    url = _source_url(url)
    if at_commit:
        return Pinned("git", url, rev=vcs["commit_id"])
    if archive is not None:
        digest = (archive.get("hashes") or {}).get("sha256") or str(archive.get("hash", "")).removeprefix("sha256=")
        if SHA256.match(digest) and urlsplit(url).path.endswith(".whl"):
            return Pinned("wheel", url, sha256=digest)
        raise _refuse("init.no-pin-source")
    raise _refuse("init.no-pin-source")
