"""The live check under the exit-message editor: 'you' sentences, absolutes, missing parts."""

from __future__ import annotations

import dataclasses

import pytest

from content.language_check import (
    PARTS,
    SUGGEST_ABSOLUTE,
    SUGGEST_NO_YOU,
    Finding,
    check_message,
    missing_parts,
)


def kinds(text: str, lang: str) -> list[tuple[str, str]]:
    return [(f.kind, f.word) for f in check_message(text, lang)]


@pytest.mark.parametrize(("text", "lang", "word"), [
    ("You missed every deadline.", "en", "You"),
    ("Your feedback came too late", "en", "Your"),
    ("I felt you're not listening.", "en", "you're"),
    ("The project failed because of you.", "en", "you"),
    ("Thank you, but you changed the scope twice.", "en", "you"),
    ("Вы не оплатили последний счёт.", "ru", "Вы"),
    ("Ваша команда меняла требования.", "ru", "Ваша"),
    ("Из-за тебя мы сорвали сроки.", "ru", "тебя"),
    ("Мне было сложно с вами.", "ru", "вами"),
    ("Спасибо, но вы меня не слышали.", "ru", "вы"),
    ("Você não pagou a última fatura.", "pt", "Você"),
    ("Voce atrasou as respostas.", "pt", "Voce"),
    ("Tu mudaste o escopo.", "pt", "Tu"),
    ("Eu te avisei várias vezes.", "pt", "te"),
    ("Não consigo trabalhar contigo.", "pt", "contigo"),
])
def test_a_sentence_about_the_other_person_is_flagged_on_its_pronoun(text, lang, word):
    findings = [f for f in check_message(text, lang) if f.kind == "accusing_you"]
    assert [f.word for f in findings] == [word]
    assert findings[0].suggestion_key == SUGGEST_NO_YOU
    assert text[findings[0].start:findings[0].end] == word


@pytest.mark.parametrize(("text", "lang"), [
    ("Thank you for your trust.", "en"),
    ("Thanks for everything.", "en"),
    ("I wish you all the best.", "en"),
    ("I hope you find the right person.", "en"),
    ("If you need anything, let me know.", "en"),
    ("Should you need a hand with the handover, I am here.", "en"),
    ("It was a pleasure working with you.", "en"),
    ("Good luck with your launch!", "en"),
    ("You are always welcome to write to me.", "en"),
    ("I wanted to let you know that I am closing my studio.", "en"),
    ("I can refer you to a colleague.", "en"),
    ("Хочу сообщить вам, что я завершаю работу.", "ru"),
    ("Пишу вам, чтобы предупредить о завершении работы.", "ru"),
    ("Могу порекомендовать вам коллегу.", "ru"),
    ("Venho informar-lhe que vou encerrar o contrato.", "pt"),
    ("Gostaria de te informar que vou parar.", "pt"),
    ("Posso te indicar uma colega.", "pt"),
    ("Спасибо вам за доверие.", "ru"),
    ("Благодарю вас за сотрудничество.", "ru"),
    ("Желаю вам успехов.", "ru"),
    ("Буду рад вам помочь.", "ru"),
    ("Если вам понадобится помощь, пишите.", "ru"),
    ("Если у вас будут вопросы, я на связи.", "ru"),
    ("Было приятно работать с вами.", "ru"),
    ("Надеюсь, у вас всё получится.", "ru"),
    ("Obrigado pela confiança.", "pt"),
    ("Obrigada a você por tudo.", "pt"),
    ("Desejo-lhe muito sucesso.", "pt"),
    ("Desejo a você tudo de bom.", "pt"),
    ("Se precisar, conte comigo.", "pt"),
    ("Caso você precise de algo, estou aqui.", "pt"),
    ("Foi um prazer trabalhar com você.", "pt"),
    ("Espero que você encontre a pessoa certa.", "pt"),
    ("Boa sorte no seu projeto.", "pt"),
])
def test_courtesy_formulas_are_not_flagged(text, lang):
    assert check_message(text, lang) == []


@pytest.mark.parametrize(("text", "lang"), [
    ("I have decided to end our work on 15 December.", "en"),
    ("Я решила закончить работу 15 декабря.", "ru"),
    ("Decidi encerrar o trabalho em 15 de dezembro.", "pt"),
    ("Seu projeto está em boas mãos.", "pt"),  # "seu" alone may mean "his"
])
def test_sentences_about_myself_are_not_flagged(text, lang):
    assert check_message(text, lang) == []


def test_only_the_first_pronoun_of_a_sentence_is_flagged():
    findings = check_message("You said your team would pay you.", "en")
    assert [(f.kind, f.word) for f in findings] == [("accusing_you", "You")]


def test_each_accusing_sentence_is_flagged_separately():
    text = "You were late. Your invoices bounced!\nYou never answered?"
    found = [f for f in check_message(text, "en") if f.kind == "accusing_you"]
    assert [f.sentence for f in found] == [
        "You were late", "Your invoices bounced", "You never answered"]


@pytest.mark.parametrize(("text", "lang", "words"), [
    ("The brief always changed.", "en", ["always"]),
    ("Deadlines were never met and it happened every time.", "en", ["never", "every time"]),
    ("Nothing ever worked; it was constantly broken.", "en", ["Nothing ever", "constantly"]),
    ("Сроки всегда срывались.", "ru", ["всегда"]),
    ("Требования постоянно менялись и вечно опаздывали.", "ru", ["постоянно", "вечно"]),
    ("Каждый раз одно и то же, никогда иначе.", "ru", ["Каждый раз", "никогда"]),
    ("O prazo sempre mudava.", "pt", ["sempre"]),
    ("Nunca houve retorno, jamais.", "pt", ["Nunca", "jamais"]),
    ("Toda vez o escopo mudava constantemente.", "pt", ["Toda vez", "constantemente"]),
    ("Foi assim todas as vezes.", "pt", ["todas as vezes"]),
])
def test_absolutes_are_flagged_one_by_one(text, lang, words):
    findings = check_message(text, lang)
    assert [f.word for f in findings] == words
    assert {f.kind for f in findings} == {"absolute"}
    assert {f.suggestion_key for f in findings} == {SUGGEST_ABSOLUTE}
    assert [text[f.start:f.end] for f in findings] == words


@pytest.mark.parametrize(("text", "lang"), [
    ("I will always be grateful.", "en"),
    ("I always enjoyed our calls.", "en"),
    ("I will never forget this project.", "en"),
    ("Я всегда буду рад помочь.", "ru"),
    ("Всегда готова помочь.", "ru"),
    ("Никогда не забуду этот проект.", "ru"),
    ("Estarei sempre à disposição.", "pt"),
    ("Sempre que precisar, me chame.", "pt"),
    ("Você será sempre bem-vindo.", "pt"),
])
def test_absolutes_inside_courtesy_formulas_are_not_flagged(text, lang):
    assert check_message(text, lang) == []


def test_findings_for_one_sentence_carry_that_sentence_and_message_offsets():
    text = "Thanks for the year.  You never replied on time!"
    found = check_message(text, "en")
    assert [(f.kind, f.word) for f in found] == [("accusing_you", "You"), ("absolute", "never")]
    assert all(f.sentence == "You never replied on time" for f in found)
    assert [text[f.start:f.end] for f in found] == ["You", "never"]


def test_russian_is_checked_without_regard_to_case():
    assert kinds("ВЫ НИКОГДА НЕ ОТВЕЧАЛИ", "ru") == [("accusing_you", "ВЫ"), ("absolute", "НИКОГДА")]


def test_pronouns_inside_longer_words_are_not_flagged():
    assert check_message("The youth team was great. Вымпел и вассал.", "en") == []
    assert check_message("Вымпел и вассал стояли рядом.", "ru") == []
    assert check_message("O time teve tutores.", "pt") == []


def test_a_dot_inside_a_date_does_not_split_the_sentence():
    found = check_message("Until 15.12 you still owe me.", "en")
    assert [f.sentence for f in found] == ["Until 15.12 you still owe me"]


def test_empty_and_blank_messages_have_no_findings():
    assert check_message("", "en") == []
    assert check_message(" \n\n ", "ru") == []


def test_unknown_language_is_checked_as_english():
    assert kinds("You never paid.", "de") == [("accusing_you", "You"), ("absolute", "never")]


def test_findings_are_frozen():
    finding = check_message("You never paid.", "en")[0]
    assert isinstance(finding, Finding)
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.word = "x"  # type: ignore[misc]


COMPLETE = {
    "en": ("I have decided to focus on product work, so I am ending our contract. "
           "My last day will be 15 December and I will hand over all files. "
           "I recommend my colleague Ana. I would be glad to work together again in the future. "
           "Thank you for a great year."),
    "ru": ("Я решила сосредоточиться на продуктах, поэтому завершаю наш договор. "
           "Последний день — 15 декабря, все файлы передам. Рекомендую коллегу Анну. "
           "Буду рада снова поработать в будущем. Спасибо за прекрасный год."),
    "pt": ("Decidi me dedicar a produtos, por isso vou encerrar o contrato. "
           "Meu último dia será 15 de dezembro e farei a entrega dos arquivos. "
           "Indico a colega Ana. Quem sabe trabalhamos juntos de novo no futuro. "
           "Obrigada por um ótimo ano."),
}


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
def test_a_complete_message_lacks_nothing(lang):
    assert missing_parts(COMPLETE[lang], lang) == []


@pytest.mark.parametrize("lang", ["en", "ru", "pt"])
def test_an_empty_message_lacks_every_part_in_order(lang):
    assert missing_parts("", lang) == list(PARTS)


@pytest.mark.parametrize(("text", "lang", "present"), [
    ("I'm ending this because I'm moving on.", "en", "reason"),
    ("I decided to stop.", "en", "reason"),
    ("Поскольку я меняю профиль, заканчиваю.", "ru", "reason"),
    ("Я решил закончить.", "ru", "reason"),
    ("Encerro porque mudei de área.", "pt", "reason"),
    ("Decidimos parar.", "pt", "reason"),
    ("The final invoice follows.", "en", "procedure"),
    ("Work ends on 12/15.", "en", "procedure"),
    ("Work ends on 2026-12-15.", "en", "procedure"),
    ("Work ends on December 15.", "en", "procedure"),
    ("Последний день работы скоро.", "ru", "procedure"),
    ("Пришлю счёт в конце.", "ru", "procedure"),
    ("Работаю до 15.12.", "ru", "procedure"),
    ("Работаю до 15 декабря.", "ru", "procedure"),
    ("Envio a fatura depois.", "pt", "procedure"),
    ("Ultimo dia: em breve.", "pt", "procedure"),
    ("Até 15 de dezembro.", "pt", "procedure"),
    ("I can recommend someone.", "en", "referral"),
    ("Ask my colleague.", "en", "referral"),
    ("I can refer you to Ana.", "en", "referral"),
    ("Могу порекомендовать специалиста.", "ru", "referral"),
    ("Спросите моих коллег.", "ru", "referral"),
    ("Recomendo a Ana.", "pt", "referral"),
    ("Indico um colega.", "pt", "referral"),
    ("The door is open.", "en", "window"),
    ("Let's work again.", "en", "window"),
    ("Будем рады работать в будущем.", "ru", "window"),
    ("Напишите снова.", "ru", "window"),
    ("Podemos trabalhar novamente.", "pt", "window"),
    ("Quem sabe no futuro.", "pt", "window"),
    ("Thanks for everything.", "en", "positive"),
    ("I enjoyed the project.", "en", "positive"),
    ("Благодарю за работу.", "ru", "positive"),
    ("Я рада, что мы поработали.", "ru", "positive"),
    ("Muito obrigada.", "pt", "positive"),
    ("Foi um prazer.", "pt", "positive"),
    ("Gostei muito do projeto.", "pt", "positive"),
])
def test_each_keyword_family_marks_its_part_present(text, lang, present):
    missing = missing_parts(text, lang)
    assert present not in missing
    assert len(missing) >= 1


@pytest.mark.parametrize(("text", "lang"), [
    ("ULTIMO DIA", "pt"), ("último dia", "pt"), ("ÚLTIMO DIA", "pt"), ("ПОСЛЕДНИЙ ДЕНЬ", "ru"),
    ("Пришлю счет", "ru"),
])
def test_keywords_match_regardless_of_case_and_accents(text, lang):
    assert "procedure" not in missing_parts(text, lang)


@pytest.mark.parametrize(("text", "lang", "part"), [
    ("Sincerely, Ana", "en", "reason"),  # "since" must not match inside "sincerely"
    ("Радио играло.", "ru", "positive"),  # "рад" is a word, not a prefix
    ("The referendum passed.", "en", "referral"),
])
def test_keywords_do_not_match_inside_unrelated_words(text, lang, part):
    assert part in missing_parts(text, lang)


def test_parts_the_caller_knows_are_present_are_not_reported():
    assert missing_parts("", "en", {"reason": True, "window": True}) == [
        "procedure", "referral", "positive"]


def test_a_false_mark_leaves_the_keywords_to_decide():
    assert "positive" not in missing_parts("Thank you!", "en", {"positive": False})
    assert "reason" in missing_parts("Thank you!", "en", {"reason": False})


def test_an_unknown_part_name_is_refused():
    with pytest.raises(ValueError, match="closure"):
        missing_parts("", "en", {"closure": True})
