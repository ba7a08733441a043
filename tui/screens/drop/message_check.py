"""`MessageCheck`: the live language check shown under an exit message."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from content import Catalog
from content.language_check import check_message, missing_parts


class MessageCheck(Static):
    """Marks accusing "you" sentences and absolutes, and lists the parts still missing.

    Call `check(text)` whenever the message changes; the findings come from
    `content.language_check`, the words from the catalog.
    """

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="message-check")
        self.catalog = catalog
        self.findings: list = []
        self.missing: list[str] = []

    def _hint(self, key: str, fallback: str) -> str:
        return self.catalog.ui(key) if self.catalog.has_ui(key) else self.catalog.text(
            "drop.exit", fallback)

    def check(self, text: str) -> None:
        """Check `text` and redraw."""
        lang = self.catalog.lang
        self.findings = check_message(text, lang)
        self.missing = missing_parts(text, lang) if text.strip() else []
        item = self.catalog.item("drop.exit")
        lines: list[Content] = [Content.from_markup("[b]$title[/b]", title=item.get("check_title"))]
        if not self.findings:
            lines.append(Content.from_markup("[$success]✓ $clean[/]", clean=item.get("check_clean")))
        for finding in self.findings:
            sentence = finding.sentence
            at = text.find(sentence, max(0, finding.start - len(sentence)))
            offset = finding.start - at if at >= 0 else sentence.find(finding.word)
            before, word = sentence[:offset], sentence[offset:offset + len(finding.word)]
            after = sentence[offset + len(finding.word):]
            hint = self._hint(finding.suggestion_key, "check_no_you_hint"
                              if finding.kind == "accusing_you" else "check_absolute_hint")
            lines.append(Content.assemble("• ", before, (word, "reverse $warning"), after,
                                          "\n  ", (hint, "dim")))
        if self.missing:
            parts = ", ".join(str(item.get(f"part_{p}")) for p in self.missing)
            lines.append(Content.from_markup("[$warning]$missing[/]",
                                             missing=self.catalog.text("drop.exit", "check_missing",
                                                                       parts=parts)))
        elif text.strip():
            lines.append(Content.from_markup("[$success]✓ $done[/]", done=item.get("check_complete")))
        self.update(Content("\n").join(lines))
