"""Readable text in a 16-colour terminal, whatever the theme.

Textual's themes are written in truecolour. On a terminal with 16 colours (``TERM=xterm`` over SSH,
the Linux console) Rich matches every colour to the nearest of 16, and two colours a theme keeps
apart can land on the same one: a cyan status on a cyan cursor, grey labels on a grey panel, the
whole screen behind a dialog once it is dimmed. No theme can be checked by hand against every
terminal, so the last step before the terminal does it for all of them: a line filter that looks
at each cell as the terminal will show it and, where text would not stand out from its
background, moves it to the bright (or normal) form of its own colour, and failing that to black
or white. Colours that already read well are left exactly as the theme made them.

Contrast is measured with Rich's own 16-colour palette, the one it matches against, so the check
and the matching agree; a terminal with its own palette shifts both sides alike.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from rich import _palettes
from rich.color import Color as RichColor
from rich.color import ColorSystem
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter

#: Below this (WCAG ratio in Rich's 16-colour palette) text is taken as unreadable. Red on black
#: (2.7) passes; blue on black (1.6), cyan on light grey (1.2) and any colour on itself do not.
MIN_CONTRAST = 2.5

#: What ``console.color_system`` says for a terminal of 16 colours.
SIXTEEN_COLOUR_SYSTEMS = frozenset({"standard", "windows"})

_PALETTE = _palettes.STANDARD_PALETTE
BLACK, WHITE = 0, 15


def _luminance(number: int) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = _PALETTE[number]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: int, bg: int) -> float:
    """WCAG contrast ratio of two of the 16 colours (1 = the same, 21 = black on white)."""
    light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ansi_number(color: RichColor | None) -> int | None:
    """The colour number (0-15) a 16-colour terminal shows for ``color``; None for its default."""
    if color is None or color.is_default:
        return None
    return color.downgrade(ColorSystem.STANDARD).number


def readable_on(fg: int, bg: int) -> int:
    """``fg`` if it reads on ``bg``; else the other brightness of the same hue; else black or white."""
    if contrast(fg, bg) >= MIN_CONTRAST:
        return fg
    sibling = fg + 8 if fg < 8 else fg - 8
    if contrast(sibling, bg) >= MIN_CONTRAST:
        return sibling
    return max((BLACK, WHITE), key=lambda c: contrast(c, bg))


@lru_cache(maxsize=4096)
def _readable_style(style: Style, background: RichColor, dark: bool) -> Style:
    fg_colour, bg_colour = style.color, style.bgcolor or background
    if style.reverse:
        fg_colour, bg_colour = bg_colour, fg_colour
    # The terminal's own default colours (the ANSI themes draw on them) are not known; take
    # them to be what the theme was made for: light grey on black, or black on white.
    fg = ansi_number(fg_colour)
    bg = ansi_number(bg_colour)
    fg = fg if fg is not None else (7 if dark else BLACK)
    bg = bg if bg is not None else (BLACK if dark else WHITE)
    better = readable_on(fg, bg)
    if better == fg:
        return style
    # Under reverse the terminal draws the background colour as the text.
    if style.reverse:
        return style + Style(bgcolor=RichColor.from_ansi(better))
    return style + Style(color=RichColor.from_ansi(better))


class SixteenColourContrast(LineFilter):
    """Moves text that a 16-colour terminal would draw (almost) in its background's colour.

    ``dark`` says whether the current theme is dark (what the terminal's default colours are
    taken to be)."""

    def __init__(self, dark: Callable[[], bool]) -> None:
        super().__init__()
        self.dark = dark

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        rich_background = background.rich_color
        dark = self.dark()
        out = []
        for text, style, control in segments:
            if style is not None and not control and text.strip():
                style = _readable_style(style, rich_background, dark)
            out.append(Segment(text, style, control))
        return out


def filters_for(color_system: str | None, dark: Callable[[], bool]) -> list[LineFilter]:
    """The filters a terminal with ``color_system`` needs (none for 256 colours and more)."""
    return [SixteenColourContrast(dark)] if color_system in SIXTEEN_COLOUR_SYSTEMS else []
