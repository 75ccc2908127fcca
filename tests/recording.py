"""The demo panel with a recorder in front (``bench.panel.RecordingPanel``), read as the form
fields each request carried: tests of what billtui *sends* (the ``lang=`` of each call, a save's
fields) read the wire here, not the client's own log."""

from __future__ import annotations

from collections.abc import Mapping

from bench.panel import RecordingPanel


class Recorder(RecordingPanel):
    @property
    def requests(self) -> list[Mapping[str, str]]:
        """Each request's fields, the same objects each time (a test may look one up by identity)."""
        return [call.fields for call in self.calls]

    def funcs(self) -> list[str]:
        return [call.func for call in self.calls]

    def after(self, mark: int) -> list[Mapping[str, str]]:
        """The requests after the first ``mark`` (``mark = len(recorder.requests)`` beforehand)."""
        return self.requests[mark:]

    def langs(self, mark: int = 0) -> set[str]:
        """The ``lang=`` values of the requests after ``mark`` (``-`` for a request without one)."""
        return {r.get("lang", "-") for r in self.after(mark)}
