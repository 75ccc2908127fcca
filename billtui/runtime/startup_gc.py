"""Python's garbage collector, paused while billtui starts.

Starting allocates some 80,000 long-lived objects (Textual, the models, the
CSS, the first screen). The cyclic collector would scan them again and again
while they are being made, which costs ~20-30 ms before the first frame
(``make bench``: startup). The TUI pauses it at start; a moment after the first
frame it collects once (~25 ms, while the user reads the screen), freezes what
is left (``gc.freeze``: the app's own objects, never scanned again) and turns
the collector back on, so later collections only look at new objects.
The script commands and the tests never pause it.
"""

from __future__ import annotations

import gc

#: Seconds after the first frame before the one collection that start-up put off.
RESUME_AFTER = 2.0

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def paused() -> bool:
    return _paused


def resume() -> None:
    """Collect what start-up left, freeze the rest, collect normally again; idempotent."""
    global _paused
    if _paused:
        _paused = False
        gc.collect()
        gc.freeze()
        gc.enable()


def end() -> None:
    """Turn the collector back on if start-up left it paused (no collection, no freeze)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def thaw() -> None:
    """The first screen is being replaced (log out, another profile): let its objects be collected."""
    if not _paused:
        gc.unfreeze()
