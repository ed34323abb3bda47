"""Files a command writes for the user: whole or not at all, and errors that name the file.

An export or a draft goes to a temporary file beside its target, renamed over it when
complete: an interrupted or failed write leaves whatever was there before. ``-`` means
standard output, as for most Unix tools.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from .errors import OutputError

STDOUT = "-"


def is_stdout(path: Path | None) -> bool:
    """Whether ``-o PATH`` asks for standard output (no option, or ``-``)."""
    return path is None or str(path) == STDOUT


def write_file(path: Path, data: bytes, *, private: bool = False) -> None:
    """Write ``data`` to ``path`` atomically, with the permissions a new file gets (umask applies),
    or readable by its owner only if ``private`` (cache entries, cache.py).

    Raises OutputError naming the file and the reason (missing folder, permission, full disk,
    a folder in the way)."""
    write_stream(path, lambda fh: fh.write(data), private=private)


def write_stream(path: Path, write: Callable[[BinaryIO], object], *, private: bool = False) -> int:
    """``write_file`` for output made piece by piece (an export of millions of triples is written as
    it is made, not held whole): ``write`` is given the open temporary file. Returns the size
    written. An error raised by ``write`` itself is raised as it is, the temporary file removed."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")  # never a leftover's name
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600 if private else 0o666)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
            size = fh.tell()
        os.replace(tmp, path)
        return size
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def make_folder(path: Path) -> None:
    """Create the folder a command writes several files into; OutputError if it cannot."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {path}: {exc.strerror}") from None
