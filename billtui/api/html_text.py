"""HTML → readable plain text (service instructions), with the stdlib only.

Instructions are provider-written HTML e-mails; a terminal needs paragraphs, line breaks,
list bullets and link targets, and nothing else (no markup is ever interpreted).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from billtui.i18n import _
from billtui.i18n import formats

from .text_clean import MAX_TEXT, clean_text, cut

_BLOCK = {"p", "div", "section", "article", "header", "footer", "table", "tr", "ul", "ol", "h1", "h2", "h3",
          "h4", "h5", "h6", "pre", "blockquote", "hr", "dl", "dt", "dd"}
_SKIP = {"script", "style", "head", "title"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._pre = 0
        self._href: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in ("td", "th"):
            self.parts.append("\t")
        elif tag in _BLOCK:
            self.parts.append("\n\n")
            if tag == "pre":
                self._pre += 1
        if tag == "a":
            self._href.append(dict(attrs).get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
        elif tag == "a" and self._href:
            href = self._href.pop()
            if href and not href.startswith(("#", "javascript:")) and href not in self.parts[-1:]:
                self.parts.append(f" <{href}>")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data if self._pre else re.sub(r"\s+", " ", data))


#: The most HTML read, in characters: the markup of an instruction is a few times its text, and
#: ``HTMLParser`` is pure Python, so a 50 MB "instruction" must not be parsed whole.
MAX_HTML = 4 * MAX_TEXT


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment; control characters removed, blank lines collapsed.

    Cleaned here although the parser cleaned the HTML already: character references make new
    characters (``&#27;`` is ESC, ``&#x202e;`` a bidi override), and a downloaded instruction
    never went through the parser at all."""
    over = len(html) - MAX_HTML
    p = _Text()
    p.feed(html[:MAX_HTML] if over > 0 else html)
    p.close()
    text = clean_text("".join(p.parts))
    lines = [line.strip(" ") for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if over > 0:
        text = text + "\n" + _("… [cut by billtui: {n} characters of HTML]").format(n=formats.number(over, 0))
    return cut(text)
