"""Names leave the text before it is shared: clients, people, contact details."""

from dataclasses import dataclass, field
from datetime import date

from content import load_catalog
from content.anonymise import Anonymiser, anonymise_sessions, anonymise_text


def test_the_client_name_becomes_client_a_wherever_and_however_it_is_written():
    text = "Acme wants more. I told ACME no, but acme insisted."
    assert anonymise_text(text, ["Acme"]) == \
        "Client A wants more. I told Client A no, but Client A insisted."


def test_several_clients_are_lettered_in_the_order_given():
    text = "Acme pays late, Globex pays early."
    assert anonymise_text(text, ["Acme", "Globex"]) == \
        "Client A pays late, Client B pays early."


def test_a_word_of_a_longer_client_name_is_also_replaced():
    assert anonymise_text("Then Petrova called again.", ["Anna Petrova"]) == \
        "Then Client A called again."


def test_other_names_become_numbered_people_consistently():
    text = "I met Anna Smith and Boris. Later Anna Smith called, then Boris wrote."
    assert anonymise_text(text, []) == \
        "I met Person 1 and Person 2. Later Person 1 called, then Person 2 wrote."


def test_a_capitalised_word_starting_a_sentence_stays_unless_it_is_a_name_elsewhere():
    text = "Yesterday was hard. Maria called. I trust Maria."
    assert anonymise_text(text, []) == "Yesterday was hard. Person 1 called. I trust Person 1."


def test_weekdays_months_and_i_are_not_names():
    text = "On Monday in March I asked for the files."
    assert anonymise_text(text, []) == text


def test_contact_details_are_replaced_but_dates_and_amounts_stay():
    text = "Write to anna@acme.com or +1 (555) 123-4567, see https://acme.com/x. Due 2026-11-23, 4 800."
    assert anonymise_text(text, []) == \
        "Write to [email] or [phone], see [link]. Due 2026-11-23, 4 800."


def test_a_phone_number_written_with_its_area_code_in_brackets_is_replaced_whole():
    text = "Liguei para (11) 98765-4321 e para (495) 123-45-67 ontem."
    assert anonymise_text(text, []) == "Liguei para [phone] e para [phone] ontem."


def test_cyrillic_names_are_found_too():
    assert anonymise_text("Вчера звонил Иван Петров.", []) == "Вчера звонил Person 1."


def test_labels_come_from_the_catalog():
    anonymiser = Anonymiser(load_catalog("en"))
    assert anonymiser.client_label("Acme") == "Client A"
    assert anonymiser.client_label("acme ") == "Client A"
    assert anonymiser.client_label("Globex") == "Client B"


@dataclass
class FakeSession:
    id: str
    client: str
    answers: dict = field(default_factory=dict)
    reminders: list = field(default_factory=list)


def test_sessions_share_one_mapping_and_originals_are_untouched():
    first = FakeSession("1", "Acme", {"client": {"client": "Acme", "situation": "Boris from Acme"}},
                        [{"id": "r", "what": "Call Boris at Acme", "due": "2026-12-01"}])
    second = {"id": "2", "client": "Globex", "answers": {"s": {"t": ["Boris again", "yes"]}},
              "reminders": []}
    out = anonymise_sessions([first, second], load_catalog("en"))
    assert isinstance(out[0], FakeSession) and isinstance(out[1], dict)
    assert out[0].client == "Client A" and out[1]["client"] == "Client B"
    assert out[0].answers == {"client": {"client": "Client A", "situation": "Person 1 from Client A"}}
    assert out[0].reminders[0]["what"] == "Call Person 1 at Client A"
    assert out[0].reminders[0]["due"] == "2026-12-01"
    assert out[1]["answers"] == {"s": {"t": ["Person 1 again", "yes"]}}
    assert first.client == "Acme" and second["client"] == "Globex"


def test_a_session_without_a_client_keeps_an_empty_client():
    out = anonymise_sessions([{"client": "", "answers": {}, "reminders": []}], load_catalog("en"))
    assert out[0]["client"] == ""


def test_a_two_word_name_opening_a_sentence_is_replaced_whole():
    text = "What is going on: Mark Brown calls at night. I asked Mark Brown to stop."
    assert anonymise_text(text, []) == \
        "What is going on: Person 1 calls at night. I asked Person 1 to stop."
    assert anonymise_text("Ana Souza liga à noite.", [], catalog=load_catalog("pt")) == \
        "[Pessoa 1] liga à noite."


def test_an_ordinary_word_before_a_known_name_at_a_sentence_start_is_kept():
    assert anonymise_text("Yesterday Anna called. I like Anna.", []) == \
        "Yesterday Person 1 called. I like Person 1."


def test_the_mentor_summary_keeps_the_users_own_notes_and_hides_the_names():
    from content.flows.drop_drafts import _self_check_lines

    catalog = load_catalog("en")
    lines = _self_check_lines({"self_check": {"own_part": "yes",
                                              "own_part_note": "Agree in writing"}}, catalog)
    text = anonymise_text(f"What is going on: Mark Brown calls at night.\n{lines}", ["Acme"],
                          catalog=catalog)
    assert "Agree in writing" in text
    assert "Mark" not in text and "Brown" not in text


def test_russian_and_portuguese_labels_are_marks_in_brackets_that_need_no_case_or_article():
    ru = anonymise_text("Мы ушли от Ромашки к Пикселю.", ["Ромашка"], catalog=load_catalog("ru"))
    assert "от [Клиент A]" in ru
    pt = anonymise_text("Falei com a Padaria Sol.", ["Padaria Sol"], catalog=load_catalog("pt"))
    assert pt == "Falei com a [Cliente A]."


def test_a_name_given_as_a_person_is_hidden_even_as_the_first_word_of_a_sentence():
    text = "Anna keeps adding pages.\nAnna Petrova signed the brief."
    assert anonymise_text(text, ["Acme"], people=["Anna Petrova"]) == \
        "Person 1 keeps adding pages.\nPerson 1 signed the brief."
    assert anonymise_text(text, ["Acme"]) == "Anna keeps adding pages.\nPerson 1 signed the brief."


def test_the_mentor_summary_hides_the_contact_who_opens_the_situation():
    from content.drafts import fresh_drafts
    from content.flows import get_flow

    answers = {"client": {"client": "Acme", "contact": "Anna",
                          "situation": "Anna from Acme keeps adding pages."},
               "self_check": {"own_part": "no", "mentor_summary": ""}}
    summary = fresh_drafts(get_flow("drop"), answers, load_catalog("en"), date(2026, 12, 3),
                           "Acme")[("self_check", "mentor_summary")]
    assert "What is going on" in summary and "keeps adding pages" in summary
    assert "Anna" not in summary


def test_exported_sessions_hide_the_people_their_answers_name_at_a_sentence_start():
    sessions = [{"id": "1", "flow": "dropped", "client": "Acme", "reminders": [],
                 "answers": {"what_happened": {"client": "Acme", "who": "Boris",
                                               "said": "Boris said the budget was cut."}}},
                {"id": "2", "flow": "drop", "client": "Globex", "reminders": [],
                 "answers": {"client": {"contact": "Vera"},
                             "team": {"people": [{"name": "Lena", "good": "Lena is kind."}]}}}]
    out = anonymise_sessions(sessions, load_catalog("en"))
    assert out[0]["answers"]["what_happened"] == {"client": "Client A", "who": "Person 1",
                                                  "said": "Person 1 said the budget was cut."}
    assert out[1]["answers"]["client"]["contact"] == "Person 2"
    assert out[1]["answers"]["team"]["people"][0] == {"name": "Person 3", "good": "Person 3 is kind."}


def test_a_capital_after_markdown_italics_or_a_table_bar_starts_a_sentence_not_a_name():
    text = "_Perhaps_ not yet.\n| Pending | Paid |\n|---|---|"
    assert anonymise_text(text, []) == text


def test_the_payment_plan_headings_and_nobody_stay_as_written_in_every_language():
    for lang, text in (("en", "| Due | Amount | Total |\nNobody answered."),
                       ("ru", "| Срок | Сумма | Итого |\nНикто не ответил."),
                       ("pt", "| Vencimento | Valor | Valor total |\nNinguém respondeu.")):
        assert anonymise_text(text, [], catalog=load_catalog(lang)) == text
