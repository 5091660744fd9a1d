"""An HTML-only mail body as plain text, with the standard library's ``html.parser``.

Quoted history (``<blockquote>``, Gmail's ``gmail_quote``, Outlook's reply header block) is left
out here, since in HTML it is marked up rather than written with '>' lines; scripts and styles
are never text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# block -> how many line breaks it stands in (a paragraph leaves a blank line, a div does not)
_BLOCKS = {"div": 1, "tr": 1, "li": 1, "hr": 1, "table": 1, "p": 2}
_BLOCKS.update({f"h{n}": 2 for n in range(1, 7)})
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
        if not self._skipping():
            if tag == "br":
                self.out.append("\n")
            elif tag in _BLOCKS:
                self._breaks(_BLOCKS[tag])
        if tag not in _VOID:
            self.stack.append(tag in _SKIP or quote)

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self.stack:
            self.stack.pop()
        if tag in _BLOCKS and not self._skipping():
            self._breaks(_BLOCKS[tag])

    def _breaks(self, n: int) -> None:
        """End the text so far with at least ``n`` line breaks (never more for nested blocks)."""
        text = "".join(self.out[-4:])
        have = len(text) - len(text.rstrip("\n"))
        self.out.append("\n" * max(0, n - have))

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
