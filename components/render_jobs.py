"""What the renderer draws and keeps: a figure in one format at the print layout's size, and the drawn bytes by
digest, shared by every session within a byte budget."""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Literal

import plotly.graph_objects as go

from components.print_layout import PRINT_WIDTH

Format = Literal["png", "svg", "pdf"]

# PNGs are drawn at three times the print layout: 2,400 px across a 16 cm column is about 380 dots per inch.
PNG_SCALE = 3


@dataclass(frozen=True)
class RenderJob:
    """One figure to draw, in one format, at the print layout's size."""

    figure: go.Figure
    fmt: Format
    width: int = PRINT_WIDTH
    scale: float = PNG_SCALE

    def opts(self) -> dict[str, Any]:
        """kaleido's layout options for this job (height comes from the figure's own layout)."""
        return {"format": self.fmt, "width": self.width, "scale": self.scale if self.fmt == "png" else 1}

    def key(self) -> str:
        """A digest of everything that decides the output bytes."""
        spec = f"{self.fmt}|{self.width}|{self.opts()['scale']}|".encode() + self.figure.to_json().encode()
        return hashlib.sha256(spec).hexdigest()


class RenderCache:
    """Rendered bytes by job digest, least recently used dropped first, within a byte budget. Thread-safe."""

    def __init__(self, max_bytes: int = 32 * 1024 * 1024) -> None:
        self.max_bytes = max_bytes
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        """The bytes stored under key, or None."""
        with self._lock:
            data = self._items.get(key)
            if data is not None:
                self._items.move_to_end(key)
            return data

    def put(self, key: str, data: bytes) -> None:
        """Keep data under key, dropping the oldest entries to stay within the budget."""
        if len(data) > self.max_bytes:
            return
        with self._lock:
            if key in self._items:
                self._size -= len(self._items.pop(key))
            self._items[key] = data
            self._size += len(data)
            while self._size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._size -= len(dropped)

    def clear(self) -> None:
        """Forget everything."""
        with self._lock:
            self._items.clear()
            self._size = 0

    def __len__(self) -> int:
        return len(self._items)
