"""What every card reader returns: contacts, plus the problems found, in words a rep understands."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class CardContact:
    """One person from a business card (vCard, CSV export row or OCR'd image)."""

    full_name: str = ""
    full_name_kana: str = ""
    full_name_latin: str = ""  # the name in Latin letters beside a Japanese one ('Taro Yamada')
    title: str = ""
    department: str = ""
    company: str = ""  # as written on the card; matching uses importers.normalize.companies
    company_kana: str = ""  # the company's reading when the card gives one
    email: str = ""
    phone: str = ""
    mobile: str = ""
    fax: str = ""
    postal_code: str = ""
    address: str = ""
    url: str = ""
    exchanged_on: dt.date | None = None
    tags: list[str] = field(default_factory=list)
    needs_review: bool = False
    source_ref: str = ""  # 'cards.vcf#2', 'eight.csv!row 3', 'card.jpg'
    raw: dict[str, str] = field(default_factory=dict)  # the original fields, as found

    def is_empty(self) -> bool:
        return not (self.full_name or self.company or self.email or self.phone or self.mobile)


@dataclass(frozen=True)
class CardIssue:
    location: str  # 'cards.vcf#2', 'eight.csv!row 3', 'card.jpg'
    severity: str  # 'info' | 'warning' | 'error'
    code: str  # short and stable: 'broken_qp', 'invalid_phone', 'file_too_large', ...
    message: str


@dataclass
class CardParseResult:
    contacts: list[CardContact] = field(default_factory=list)
    issues: list[CardIssue] = field(default_factory=list)
    lang: str | None = None  # language of the messages (None: messages.default_language())

    @property
    def errors(self) -> list[CardIssue]:
        return [i for i in self.issues if i.severity == "error"]

    def add(self, location: str, severity: str, code: str, message: str) -> None:
        self.issues.append(CardIssue(location, severity, code, message))

    def say(self, location: str, severity: str, key: str, **params: object) -> None:
        """Add the issue whose words are the message ``key`` (importers.messages) in self.lang."""
        from importers.messages import code_of, msg

        self.add(location, severity, code_of(key), msg(key, self.lang, **params))
