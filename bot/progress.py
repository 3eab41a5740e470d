"""Progress of long work told as people expect it where they read it: in a log (CI, GitHub
Actions, a file) one line per finished item with the time since the work began; on a terminal
one line rewritten in place with the count. Progress goes to stderr only, so what a command
prints on stdout (a diff, JSON, SARIF) is the same with or without it.

    verify: 3/12 services/api/Dockerfile: verified (1m 02s)

A name is escaped (`escape_controls`): a path or repository name holding a line break or an
escape sequence could otherwise forge a workflow command or repaint the terminal."""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from time import monotonic
from typing import TextIO

from bot.model.text import escape_controls

CLEAR_LINE = "\r\x1b[K"  # back to the line's start, and erase it


def elapsed(seconds: float) -> str:
    """`4.2 s` under a minute, `1m 02s` under an hour, `1h 02m` beyond."""
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, whole = divmod(int(seconds), 60)
    return f"{minutes}m {whole:02d}s" if minutes < 60 else f"{minutes // 60}h {minutes % 60:02d}m"


class Progress:
    """One piece of long work (`what`: `verify`, `org plan`) of `start(total)` items, each told
    by `done` as it finishes, from any thread. `note` writes an ordinary log line without
    tearing the live count. `terminal`: the stream to rewrite a live line on; None, a line an
    item through `write_line`."""

    def __init__(self, what: str, write_line: Callable[[str], None], *, terminal: TextIO | None = None,
                 clock: Callable[[], float] = monotonic, columns: int = 80):
        self.what, self.write_line, self.terminal, self.clock, self.columns = what, write_line, terminal, clock, columns
        self.total = self.finished = 0
        self.began = clock()
        self.last = ""
        self._lock = threading.Lock()

    def start(self, total: int) -> None:
        with self._lock:
            self.total, self.finished, self.began, self.last = total, 0, self.clock(), ""
            if total and self.terminal is not None:
                self._redraw()

    def done(self, name: str, outcome: str) -> None:
        with self._lock:
            self.finished += 1
            self.last = escape_controls(name)
            if self.terminal is None:
                self.write_line(f"{self.what}: {self._count()} {self.last}: {outcome} ({self._since()})")
            else:
                self._redraw()

    def note(self, line: str) -> None:
        with self._lock:
            if self.terminal is None or not self.total:
                self.write_line(line)
                return
            self.terminal.write(CLEAR_LINE)
            self.terminal.flush()
            self.write_line(line)
            self._redraw()

    def finish(self) -> None:
        """On a terminal the live line stays as the last word, ended; a log has said it all."""
        with self._lock:
            if self.terminal is not None and self.total:
                self.terminal.write(f"{CLEAR_LINE}{self.what}: {self._count()} done in {self._since()}\n")
                self.terminal.flush()
            self.total = 0

    def _count(self) -> str:
        return f"{self.finished}/{self.total}"

    def _since(self) -> str:
        return elapsed(self.clock() - self.began)

    def _redraw(self) -> None:
        assert self.terminal is not None
        line = f"{self.what}: {self._count()} ({self._since()})" + (f", last {self.last}" if self.last else "")
        self.terminal.write(CLEAR_LINE + line[:max(self.columns - 1, 20)])
        self.terminal.flush()


def on_stderr(what: str) -> Progress:
    """Progress on this process's stderr: live when it is a terminal, a line an item when not."""
    stream = sys.stderr
    live = stream.isatty() and os.environ.get("TERM") != "dumb"
    return Progress(what, lambda line: print(line, file=sys.stderr), terminal=stream if live else None,
                    columns=_columns(stream) if live else 80)


def _columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):  # not a real terminal after all (io.UnsupportedOperation is both)
        return 80
