"""An HTML-only mail body as plain text, with the standard library's ``html.parser``.

Quoted history (``<blockquote>``, Gmail's ``gmail_quote``, Outlook's reply header block) is left
out here, since in HTML it is marked up rather than written with '>' lines; scripts and styles
are never text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "hr"}
_SKIP = {"script", "style", "head", "title"}
_QUOTE_MARKS = ("gmail_quote", "divrplyfwdmsg", "moz-cite-prefix", "yahoo_quoted", "appendonsend")
_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "wbr"}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[bool] = []  # per open element: is it skipped (with everything inside)?
        self.quoted = False  # past the start of the quoted history: nothing more is the mail's

    def _skipping(self) -> bool:
        return self.quoted or any(self.stack)

    def handle_starttag(self, tag, attrs):
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id")).lower()
        quote = tag == "blockquote" or any(m in marks for m in _QUOTE_MARKS)
        if quote and not self._skipping():
            self.quoted = "divrplyfwdmsg" in marks or "appendonsend" in marks
        if tag in _BLOCKS and not self._skipping():
            self.out.append("\n")
        if tag not in _VOID:
            self.stack.append(tag in _SKIP or quote)

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self.stack:
            self.stack.pop()
        if tag in _BLOCKS and not self._skipping():
            self.out.append("\n")

    def handle_data(self, data):
        if not self._skipping():
            self.out.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    parser = _Text()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):  # a broken document: keep what was read
        pass
    text = html.unescape("".join(parser.out)).replace("\xa0", " ")
    lines = [ln.strip() for ln in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
