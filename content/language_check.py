"""The live check under the exit-message editor.

Two things make a goodbye to a client land badly: sentences about *them* ("you never paid
on time") and absolutes ("always", "никогда", "sempre"). `check_message` finds both, with
offsets so the editor can mark the word, and leaves alone the courtesy formulas every
goodbye has ("thank you", "желаю вам", "se precisar"). `missing_parts` says which of the
five parts of a good exit message the draft still lacks, judged by keyword families.

These are heuristics meant to prompt a second look, not a grammar: a sentence is flagged
for a second-person word outside a courtesy formula, whatever its verb.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from content.dates import DATE_INFO

SUGGEST_NO_YOU = "check.no_you"
"""Content key of the hint shown for a sentence about the other person."""
SUGGEST_ABSOLUTE = "check.absolute"
"""Content key of the hint shown for an absolute word."""

PARTS = ("reason", "procedure", "referral", "window", "positive")
"""The parts of an exit message, in the order `missing_parts` reports them."""

_FLAGS = re.IGNORECASE | re.UNICODE

SECOND_PERSON: Mapping[str, str] = {
    "en": r"\b(?:you(?:['’](?:re|ve|d|ll))?|your|yours|yourself|yourselves)\b",
    "ru": r"\b(?:ты|тебя|тебе|тобой|тобою|вы|вас|вам|вами"
          r"|тво(?:й|я|е|ё|и|его|ей|ему|им|их|ими|ю|ем|ём)"
          r"|ваш(?:а|е|и|его|ей|ему|им|их|ими|у|ем)?)\b",
    # "seu"/"sua" also mean "his"/"her", so they alone never flag a sentence.
    "pt": r"\b(?:voc[eê]s?|vcs?|tu|te|ti|contigo)\b",
}
"""Second-person words per language; one outside a courtesy formula flags its sentence."""

ABSOLUTES: Mapping[str, str] = {
    "en": r"\b(?:always|never|constantly|every (?:single )?time|nothing ever)\b",
    "ru": r"\b(?:всегда|никогда|постоянно|вечно|каждый раз|ни разу)\b",
    "pt": r"\b(?:sempre|nunca|jamais|constantemente|toda vez|todas as vezes|toda hora)\b",
}
"""Absolute words per language; each one outside a courtesy formula is flagged."""

COURTESY: Mapping[str, tuple[str, ...]] = {
    "en": (
        r"\bthank(?:s| you)\b(?:[^,.!?;]*?\byour\b)?",
        r"\b(?:wish|wishing) you\b",
        r"\bhope (?:that )?you\b",
        r"\b(?:if|should|whenever) you(?:['’]d| would| ever)? (?:need|want|like|have|wish|are)\b",
        r"\b(?:pleasure|enjoyed|loved|liked|glad|happy|grateful|privilege|honou?r)\b"
        r".{0,30}?\b(?:with|for|to) you\b",
        r"\b(?:good luck|best of luck|all the best|best wishes|success)"
        r"(?: (?:to|for) you| (?:with|in|for) your)\b",
        r"\byou(?:['’]re| are| will be|['’]ll be)? (?:always )?welcome\b",
        r"\balways (?:be )?(?:happy|glad|welcome|grateful|available)\b",
        r"\balways (?:enjoyed|loved|liked|appreciated|valued)\b",
        r"\bnever (?:forget|hesitate)\b",
        r"\b(?:let|letting) you know\b|\b(?:inform|tell|telling|writing to) you\b",
        r"\b(?:refer|introduce|connect|put) you\b",
    ),
    "ru": (
        r"\bспасибо\b(?:[^,.!?;]*?\b(?:вам|тебе|ваш\w*|тво\w*)\b)?",
        r"\bблагодар\w*(?:[^,.!?;]*?\b(?:вас|тебя|вам|тебе|ваш\w*|тво\w*)\b)?",
        r"\bжела\w* (?:вам|тебе)\b",
        r"\b(?:удачи|успехов) (?:вам|тебе)\b",
        r"\b(?:вам|тебе) (?:удачи|успехов)\b",
        r"\bнадеюсь,? (?:что )?(?:у )?(?:вас|тебя|вы|ты|вам|тебе)\b",
        r"\bрад[аы]? (?:\w+ )?(?:вам|тебе)\b",
        r"\b(?:приятно|удовольстви\w*|рад[аы]?|счастлив\w*)\b.{0,30}?"
        r"\b(?:с|для) (?:вами|тобой|вас|тебя)\b",
        r"\bесли (?:у )?(?:вам|тебе|вас|тебя|вы|ты)\b(?: (?:что-то|что-нибудь|снова|ещё|еще))?"
        r" (?:понадоб\w*|нужн\w*|потребу\w*|захоти\w*|захоч\w*|буд\w*|появ\w*|возникн\w*)",
        r"\bвсегда (?:буд[уе]м? )?(?:рад[аы]?|готов[аы]?|на связи|открыт\w*)",
        r"\bникогда не забуду\b",
        r"\b(?:сообща\w*|сообщить|уведомля\w*|уведомить|пишу|написать) (?:вам|вас|тебе|тебя)\b",
        r"\b(?:вам|тебе) (?:сообщить|сообщаю|пишу|написать)\b",
        r"\b(?:по)?(?:рекоменд|совет|знаком)\w* (?:вам|тебе|вас|тебя)\b",
    ),
    "pt": (
        r"\bobrigad[oa]s?\b(?:[^,.!?;]*?\b(?:voc[eê]s?|ti|seus?|suas?)\b)?",
        r"\b(?:te |lhe )?desej\w*(?:-(?:lhe|te|vos)| (?:a |para )?(?:voc[eê]s?|ti)\b)?",
        r"\bespero que (?:voc[eê]s?|tu)\b",
        r"\b(?:se|caso|sempre que) (?:voc[eê]s? |tu )?"
        r"(?:precis\w*|quiser\w*|tiver\w*|necessit\w*)",
        r"\b(?:prazer|gostei|adorei|feliz|grat[oa]|honra)\b.{0,30}?"
        r"\b(?:(?:com|para|a) (?:voc[eê]s?|ti)|contigo)\b",
        r"\b(?:boa sorte|sucesso|tudo de bom|felicidades)"
        r"(?: (?:para|pra|a) (?:voc[eê]s?|ti)| (?:no|na|nos|nas|em) (?:seus?|suas?))?\b",
        r"\b(?:voc[eê]s? )?(?:ser[aá]|serão|é|são)? ?sempre (?:ser[aá] )?bem[- ]vind\w*",
        r"\bsempre (?:à|a) (?:sua )?disposi[cç][aã]o\b",
        r"\bnunca (?:vou |irei )?esquecer\b",
        # Not "avisar": "te avisei" is "I warned you", which is exactly what to flag.
        r"\b(?:te |lhe )?(?:inform|comunic|escrev|indic|recomend|apresent)\w*"
        r"(?:-(?:lhe|te)| (?:a |para )(?:voc[eê]s?|ti)\b)?",
    ),
}
"""Courtesy formulas per language; words inside them are never flagged."""

# A dot between digits ("15.12", "1.500") belongs to a date or a number, not a sentence end.
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))+")


@dataclass(frozen=True)
class Finding:
    """One flagged word: `start`/`end` are offsets into the whole message."""

    kind: Literal["accusing_you", "absolute"]
    sentence: str
    start: int
    end: int
    word: str
    suggestion_key: str


def _compiled(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, _FLAGS) for p in patterns)


_YOU = {lang: re.compile(p, _FLAGS) for lang, p in SECOND_PERSON.items()}
_ABSOLUTE = {lang: re.compile(p, _FLAGS) for lang, p in ABSOLUTES.items()}
_COURTESY = {lang: _compiled(patterns) for lang, patterns in COURTESY.items()}


def _sentences(text: str) -> Iterable[tuple[int, int]]:
    for match in _SENTENCE.finditer(text):
        chunk = match.group()
        if chunk.strip():
            start = match.start() + len(chunk) - len(chunk.lstrip())
            yield start, match.end() - (len(chunk) - len(chunk.rstrip()))


def check_message(text: str, lang: str) -> list[Finding]:
    """Words to reconsider in an exit message, in the order they appear.

    A sentence with a second-person word outside a courtesy formula gives one
    "accusing_you" finding, on its first such word; every absolute word outside a courtesy
    formula gives an "absolute" finding. Unknown languages are checked as English.
    """
    lang = lang if lang in _YOU else "en"
    findings: list[Finding] = []
    for start, end in _sentences(text):
        sentence = text[start:end]
        polite = [m.span() for p in _COURTESY[lang] for m in p.finditer(sentence)]

        def outside(match: re.Match[str], polite: list[tuple[int, int]] = polite) -> bool:
            return not any(a <= match.start() and match.end() <= b for a, b in polite)

        you = next((m for m in _YOU[lang].finditer(sentence) if outside(m)), None)
        if you:
            findings.append(Finding("accusing_you", sentence, start + you.start(),
                                    start + you.end(), you.group(), SUGGEST_NO_YOU))
        findings.extend(
            Finding("absolute", sentence, start + m.start(), start + m.end(), m.group(),
                    SUGGEST_ABSOLUTE)
            for m in _ABSOLUTE[lang].finditer(sentence) if outside(m)
        )
    return sorted(findings, key=lambda f: f.start)


# Keyword families for `missing_parts`. A keyword is a word or phrase matched whole, at
# word boundaries; a trailing "*" lets it match the start of a longer word ("thank*"
# finds "thanks" and "thankful"). Matching ignores case and, outside Russian, accents.

REASON_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("because", "decid*", "decision", "since", "due to", "reason*", "as i am",
           "as i'm", "i've chosen", "i have chosen", "no longer", "focus on", "focusing on"),
    "ru": ("поскольку", "потому", "решил*", "решени*", "так как", "из-за", "причин*",
           "больше не", "сосредоточ*"),
    "pt": ("porque", "decidi*", "decisao", "pois", "devido", "motivo*", "razao", "razoes",
           "nao vou mais", "foco", "focar"),
}
"""Words that give a reason for ending the work."""

PROCEDURE_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("last day", "final day", "handover", "hand over", "handing over", "invoice*",
           "notice", "transition*", "wrap up", "wrapping up", "deadline", "documentation",
           "until", "by the end of"),
    "ru": ("последний день", "передам", "передач*", "переда*", "счет", "счета", "счет-фактур*",
           "до конца", "документаци*", "доступ*", "заверш*", "срок*"),
    "pt": ("ultimo dia", "fatura*", "entrega*", "transicao", "ate o fim", "ate o dia",
           "documentacao", "acesso*", "prazo*", "aviso previo", "nota fiscal"),
}
"""Words about how the work ends: dates, handover, the final invoice."""

REFERRAL_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("recommend*", "colleague*", "refer", "referral*", "referring", "introduce you", "put you in touch",
           "another freelancer", "someone who"),
    "ru": ("рекоменд*", "порекоменд*", "коллег*", "посовет*", "контакт*"),
    "pt": ("recomend*", "indico", "indicar", "indicacao", "indicacoes", "colega*",
           "apresentar"),
}
"""Words that point the client to someone else."""

WINDOW_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("again", "in the future", "door is open", "door's open", "door remains open",
           "future project*", "keep in touch", "stay in touch", "reach out", "come back"),
    "ru": ("снова", "в будущем", "будем рады", "буду рад", "буду рада", "опять",
           "на связи", "обращайтесь", "открыт*"),
    "pt": ("novamente", "no futuro", "de novo", "futuramente", "portas abertas",
           "porta aberta", "manter contato", "a disposicao"),
}
"""Words that leave the door open for later work."""

POSITIVE_WORDS: Mapping[str, tuple[str, ...]] = {
    "en": ("thank*", "enjoyed", "grateful", "appreciat*", "pleasure", "proud", "glad",
           "loved"),
    "ru": ("спасибо", "благодар*", "рад", "рада", "рады", "приятно", "удовольстви*",
           "горж*", "ценю"),
    "pt": ("obrigad*", "gostei", "foi um prazer", "prazer", "agradec*", "grato", "grata",
           "orgulh*", "adorei"),
}
"""Words that say something good about the work together."""

_PART_WORDS = {"reason": REASON_WORDS, "procedure": PROCEDURE_WORDS,
               "referral": REFERRAL_WORDS, "window": WINDOW_WORDS,
               "positive": POSITIVE_WORDS}

# A date in digits names when the work ends, which is the heart of the procedure part.
_DIGIT_DATE = re.compile(r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?)\b")


def _fold(text: str, lang: str) -> str:
    text = text.casefold().replace("ё", "е").replace("’", "'")
    if lang == "ru":
        return text
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _keyword_pattern(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w)
                    for w in words]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", _FLAGS)


_KEYWORDS = {
    part: {lang: _keyword_pattern(words) for lang, words in families.items()}
    for part, families in _PART_WORDS.items()
}


def _month_names(lang: str) -> frozenset[str]:
    names = (n for group in DATE_INFO[lang].MONTHS
             for n in (group if isinstance(group, tuple) else (group,)))
    return frozenset(_fold(n, lang) for n in names)


_MONTH_NAMES = {lang: _month_names(lang) for lang in DATE_INFO}


def _has_date_in_words(folded: str, lang: str) -> bool:
    # "until 15 December", "до 15 декабря", "até 15 de dezembro": a day number next to a
    # month name the dates module knows.
    months = _MONTH_NAMES[lang]
    words = [w for w in re.findall(r"\w+", folded) if w != "de"]
    return any((a.isdigit() and b in months) or (b.isdigit() and a in months)
               for a, b in zip(words, words[1:], strict=False))


def missing_parts(text: str, lang: str,
                  parts_present: Mapping[str, bool] | None = None) -> list[str]:
    """The parts of `PARTS` the message still lacks, in `PARTS` order.

    Each part is judged by its keyword family; a date (in digits, or a day with a month
    name) also counts for "procedure". `parts_present` lets the caller mark parts it knows
    are there (a value of True); False or a missing key leaves the keywords to decide.
    An unknown part name raises ValueError.
    """
    known = dict(parts_present or {})
    unknown = set(known) - set(PARTS)
    if unknown:
        raise ValueError(f"unknown message parts: {', '.join(sorted(unknown))}")
    lang = lang if lang in REASON_WORDS else "en"
    folded = _fold(text, lang)
    missing = []
    for part in PARTS:
        if known.get(part):
            continue
        if _KEYWORDS[part][lang].search(folded):
            continue
        if part == "procedure" and (_DIGIT_DATE.search(folded)
                                    or _has_date_in_words(folded, lang)):
            continue
        missing.append(part)
    return missing
