"""Changing what a path names in one step, for a server that reads it at any instant.

rename(2) replaces a file or a symlink atomically, but not a non-empty folder. Linux has
renameat2(RENAME_EXCHANGE), which swaps two names of any kind (folders included) atomically; where
it is missing (another system, an old kernel, a file system without it) the fallbacks below have a
short instant where the name is missing, and say so in their docstrings.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
from collections.abc import Callable
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _load_renameat2() -> Callable[..., int] | None:
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):  # not glibc ≥ 2.28, or not Linux
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_renameat2 = _load_renameat2()


def exchange(first: Path, second: Path) -> bool:
    """Swap the names `first` and `second` (both must exist) in one step; False where unsupported."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBUSY):
        return False  # not here (EBUSY: a mount point); the caller falls back
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def remove(path: Path) -> None:
    """Remove a file, a symlink (never its target) or a folder tree; nothing there is fine."""
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.exists():
        shutil.rmtree(path)


def replace_folder(new: Path, dest: Path) -> None:
    """Put the folder `new` at `dest`, whatever `dest` is (nothing, a folder, a symlink).

    Atomic with RENAME_EXCHANGE. Without it, `dest` is removed or renamed aside and `new` renamed
    in: for an instant there is no `dest`. When `dest` cannot be renamed at all (a mount point),
    its contents are replaced one entry at a time. The old `dest` is deleted (a symlink is
    removed, never followed).
    """
    if not dest.exists() and not dest.is_symlink():
        os.rename(new, dest)
        return
    if exchange(new, dest):
        remove(new)  # the old dest, now under the name `new` had
        return
    if dest.is_symlink() or not dest.is_dir():  # rename(2) cannot put a folder over a link or a file
        dest.unlink()
        os.rename(new, dest)
        return
    aside = dest.with_name(f".{dest.name}.old")
    remove(aside)
    try:
        os.rename(dest, aside)
    except OSError as exc:
        if exc.errno not in (errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES):
            raise
        _replace_contents(new, dest)
        return
    os.rename(new, dest)
    remove(aside)


def _replace_contents(new: Path, dest: Path) -> None:
    for old in list(dest.iterdir()):
        remove(old)
    for entry in list(new.iterdir()):
        os.rename(entry, dest / entry.name)
    new.rmdir()
