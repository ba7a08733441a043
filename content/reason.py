"""Suggest which kind of reason lies behind a client's words, and say which words led there.

Three kinds: "slight" (someone felt left out, ignored or hurt), "systemic" (how the work
went: communication, deadlines, quality, expectations) and "external" (nothing to do with
you: budget, priorities, the economy, a reorganisation). The words are looked for in
English, Russian and Portuguese whatever the interface language, because people paste what
the client actually wrote. A suggestion is only a suggestion: the user decides.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

KINDS: tuple[str, ...] = ("slight", "systemic", "external")

# Patterns run over lower-cased text with accents removed (Cyrillic kept as it is, ё as е).
# Each entry is one family of words; a family counts once however often it appears.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "external": (
        # English
        r"budgets?", r"costs?", r"cut(?:s|ting|backs?)?", r"econom\w*", r"downturn",
        r"recession", r"funding", r"investors?", r"priorit\w*", r"restructur\w*",
        r"reorg\w*", r"in[- ]house", r"hired (?:someone|somebody|an? \w+)",
        r"mergers?|acquisition|acquired", r"new (?:ceo|director|management|leadership|owners?)",
        r"strateg\w*", r"business realit\w*", r"market", r"cash ?flow", r"afford\w*",
        r"freez\w*|frozen", r"on hold|paus\w*", r"shut\w* down|wind\w* down|closing",
        r"layoffs?|laid off", r"no longer need\w*", r"needs? (?:have )?changed|changing needs?",
        # Russian
        r"бюджет\w*", r"сокра\w*", r"кризис\w*", r"экономи\w*", r"деньг\w*|денег",
        r"финанс\w*", r"приоритет\w*", r"реорганиз\w*", r"реструктур\w*",
        r"своими силами|в штат\w*", r"инвестор\w*", r"стратеги\w*", r"реали\w*",
        r"рын\w*", r"закрыва\w*|закрыт\w*", r"пауз\w*|замороз\w*",
        r"нов\w* (?:руковод\w*|директор\w*|владел\w*)", r"больше не нужн\w*",
        # Portuguese
        r"orcamento\w*", r"cort\w*", r"custos?", r"crise", r"recessao", r"dinheiro",
        r"verbas?", r"prioridades?", r"reestrutur\w*", r"reorganiz\w*",
        r"internamente|equipe propria", r"investidor\w*", r"estrategi\w*", r"mercado",
        r"fech\w*", r"pausa\w*|congel\w*", r"nov[oa] (?:diretor\w*|gestao|ceo|dono|dona)",
        r"nao precis\w* mais", r"realidades?",
    ),
    "systemic": (
        # English
        r"communicat\w*", r"updates?", r"deadlines?", r"late(?:ly|ness)?", r"delay\w*",
        r"slow\w*", r"responsive\w*|respond\w*|repl(?:y|ies|ied)", r"quality",
        r"mistakes?|errors?|bugs?", r"expect\w*", r"proactiv\w*", r"report\w*",
        r"process\w*", r"disorgani[sz]\w*|organi[sz]ed", r"missed", r"reliab\w*",
        r"in the loop", r"not enough",
        # Russian
        r"общени\w*|общал\w*|коммуникац\w*|на связи", r"недостаточно", r"отчет\w*", r"срок\w*|дедлайн\w*",
        r"опозда\w*|задерж\w*|медлен\w*", r"качеств\w*", r"ошибк\w*|ошибок",
        r"ожидани\w*", r"не отвеча\w*", r"процесс\w*", r"информир\w*", r"в курсе",
        # Portuguese
        r"comunica\w*", r"atualiza\w*", r"prazos?", r"atras\w*", r"lent\w*",
        r"qualidade", r"erros?", r"expectativ\w*", r"relatorios?", r"processos?",
        r"respond\w*|respostas?", r"proativ\w*",
    ),
    "slight": (
        # English
        r"left out", r"ignored", r"excluded", r"overlooked", r"unheard",
        r"not (?:consulted|involved|invited|included|asked|copied)", r"offen[cs]\w*|offend\w*",
        r"rude\w*", r"disrespect\w*", r"upset\w*", r"hurt", r"tone", r"attitude",
        r"trust\w*", r"over (?:his|her|their|my|our) heads?", r"bypass\w*|went around",
        r"embarrass\w*",
        # Russian
        r"обид\w*", r"игнорир\w*|проигнорир\w*", r"не (?:посоветовал\w*|позвал\w*|"
        r"пригласил\w*|спросил\w*|учли|учел\w*)", r"груб\w*", r"неуваж\w*", r"тон\w*",
        r"задел\w*", r"довери\w*|доверя\w*", r"в обход", r"неприятно",
        # Portuguese
        r"ofend\w*", r"ignor\w*", r"excluid\w*|de fora|de lado", r"rude\w*|grosse\w*",
        r"desrespeit\w*", r"chatead\w*|magoad\w*", r"tom", r"confianca",
        r"por cima", r"constrang\w*",
    ),
}

_COMPILED = {kind: tuple(re.compile(rf"(?<!\w)(?:{p})(?!\w)") for p in patterns)
             for kind, patterns in _FAMILIES.items()}


@dataclass(frozen=True)
class Suggestion:
    """The suggested kind and the words, as the user typed them, that point to it."""

    kind: str
    words: tuple[str, ...]


def _fold(text: str) -> str:
    """Lower-case `text` and drop accents, keeping one character for each character."""
    folded = []
    for char in text:
        lower = char.casefold()
        if len(lower) != 1:
            lower = char.lower()[:1] or char
        if lower == "ё":
            lower = "е"
        elif "\u0400" <= lower <= "\u04ff":
            pass  # NFD would split "й" in two
        else:
            base = unicodedata.normalize("NFD", lower)[:1]
            lower = base or lower
        folded.append(lower)
    return "".join(folded)


def matches(text: str) -> dict[str, tuple[str, ...]]:
    """For each kind, the words of `text` that point to it (as typed, first seen first)."""
    folded = _fold(text)
    found: dict[str, tuple[str, ...]] = {}
    for kind, patterns in _COMPILED.items():
        hits: list[tuple[int, str]] = []
        for pattern in patterns:
            hit = pattern.search(folded)
            if hit:
                hits.append((hit.start(), text[hit.start():hit.end()]))
        words: list[str] = []
        for _, word in sorted(hits):
            if word.casefold() not in {w.casefold() for w in words}:
                words.append(word)
        found[kind] = tuple(words)
    return found


def suggest_reason(*texts: str) -> Suggestion | None:
    """The kind most of the client's words point to, with those words; None if unclear.

    A tie between kinds gives no suggestion: a wrong hint is worse than none.
    """
    text = "\n".join(t for t in texts if t)
    if not text.strip():
        return None
    found = matches(text)
    ranked = sorted(KINDS, key=lambda k: len(found[k]), reverse=True)
    best, second = ranked[0], ranked[1]
    if not found[best] or len(found[best]) == len(found[second]):
        return None
    return Suggestion(best, found[best])
