"""The `humstat` command's errors: each one line on standard error, saying what went wrong and
what to do, with a non-zero exit code; `--debug` adds the traceback."""

from __future__ import annotations

import errno
import sys
import traceback
from typing import TextIO

from pipeline.warehouse import WarehouseBusy, is_lock_conflict

# Exit codes: 1 the command failed (a bad query, an unwritable file, a failed run), 2 it could
# not start (wrong arguments, no warehouse yet), 130 interrupted.
FAILED, UNUSABLE, INTERRUPTED = 1, 2, 130


class CliError(Exception):
    """A failure the user can act on; `message` is the whole line after 'humstat: '."""

    def __init__(self, message: str, exit_code: int = FAILED) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def no_warehouse(path: object) -> CliError:
    return CliError(f"no warehouse at {path}; run `humstat run` (or `make run`) first", UNUSABLE)


def output_error(path: object, err: OSError) -> CliError:
    """Why a file could not be written, and what to do about it."""
    reasons = {
        errno.ENOENT: "its folder does not exist; create the folder or choose another path",
        errno.EACCES: "permission denied; choose a path you can write to",
        errno.EPERM: "permission denied; choose a path you can write to",
        errno.EROFS: "the file system is read-only; choose a path you can write to",
        errno.EISDIR: "it is a folder; name a file inside it",
        errno.ENOSPC: "the disk is full; free some space or write elsewhere",
    }
    return CliError(f"cannot write {path}: {reasons.get(err.errno, err.strerror or str(err))}")


def first_line(err: BaseException) -> str:
    """The first line of an error's message, or its type when it has none."""
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def describe(err: BaseException) -> tuple[str, int]:
    """One line and an exit code for any exception that reached the top of the command."""
    if isinstance(err, CliError):
        return err.message, err.exit_code
    if isinstance(err, KeyboardInterrupt):
        return "interrupted", INTERRUPTED
    if isinstance(err, WarehouseBusy):
        return str(err), UNUSABLE  # could not start: another process has the warehouse
    if is_lock_conflict(err):
        return ("the warehouse is held by another process (a run, or a DuckDB shell on the warehouse itself); "
                "wait for it to finish or close it, then try again"), UNUSABLE
    if isinstance(err, OSError) and err.filename:
        return f"{err.filename}: {err.strerror or err}; check the path and its permissions", FAILED
    return (f"unexpected {type(err).__name__}: {first_line(err)}; rerun with --debug for the traceback and report it",
            FAILED)


def report(err: BaseException, debug: bool, stream: TextIO | None = None) -> int:
    """Print the error (and with `debug` its traceback first); the exit code."""
    stream = stream or sys.stderr
    if debug:
        traceback.print_exception(err, file=stream)
    message, code = describe(err)
    print(f"humstat: {message}", file=stream)
    return code
