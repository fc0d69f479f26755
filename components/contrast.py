"""Colour contrast as WCAG 2.2 defines it, so chart text is chosen, and tested, to read against what is behind
it (4.5:1 for text, success criterion 1.4.3)."""

from __future__ import annotations

from itertools import pairwise

INK, PAPER = "#0B0C0C", "#FFFFFF"
TEXT_CONTRAST = 4.5


def rgb(colour: str) -> tuple[float, float, float]:
    """'#RRGGBB' as three channels from 0 to 1."""
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def hex_colour(channels: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in channels)


def luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour_on(background: str) -> str:
    """Ink or paper, whichever reads better on the background."""
    return INK if contrast_ratio(INK, background) >= contrast_ratio(PAPER, background) else PAPER


def blend(top: str, bottom: str, opacity: float) -> str:
    """top drawn over bottom at an opacity: what the eye sees where a pattern's strokes cross a fill."""
    return hex_colour(tuple(opacity * t + (1 - opacity) * b for t, b in zip(rgb(top), rgb(bottom), strict=True)))


def between(scale: list[tuple[float, str]], at: float) -> str:
    """The colour at a point of a piecewise-linear colour scale [(0, colour), ..., (1, colour)], as plotly draws it."""
    at = max(0.0, min(1.0, at))
    for (x0, c0), (x1, c1) in pairwise(scale):
        if x0 <= at <= x1:
            share = 0.0 if x1 == x0 else (at - x0) / (x1 - x0)
            return blend(c1, c0, share)
    return scale[-1][1]
