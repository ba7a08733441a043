"""A step that opens with answers filled focuses the first empty field, and amounts are typed
as each language writes them, read back with their currency, or explained when unreadable."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from store import new_session
from tests.conftest import frozen_clock
from tests.drop.keys import choose, type_text

SIZE = (100, 30)
LATE_PAYER = {
    "client": {"client": "Padaria Pão Quente"},
    "flags": {"late_payment": {"seen": True, "often": "often", "cause": "cash_flow"}},
    "team": {"has_team": "no"},
}


async def test_dropped_with_a_client_given_focuses_who_told_you_and_keeps_the_client(make_app):
    app = make_app(start="dropped", client="Acme")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.screen.focused.id == "f-who"
        await pilot.press(*"Jane")
        await pilot.pause()
        assert app.screen.query_one("#f-client", Input).value == "Acme"
        assert app.screen.query_one("#f-who", Input).value == "Jane"


async def test_drop_with_a_client_given_focuses_the_contact_person_field(make_app):
    app = make_app(start="drop", client="Acme")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.screen.focused.id == "f-contact"
        client = app.screen.query_one("#f-client", Input)
        assert client.value == "Acme" and client.selected_text == ""


def at_attempt(make_app, store, lang: str):
    session = new_session("drop", client="Padaria Pão Quente", clock=frozen_clock)
    session.answers = {k: dict(v) for k, v in LATE_PAYER.items()}
    session.step = "attempt"
    store.save(session)
    return make_app(lang=lang, session_id=session.id)


def echo(app) -> str:
    return str(app.screen.query_one("#echo-pay_amount", Static).render())


@pytest.mark.parametrize(("lang", "typed", "read_back"), [
    ("pt", "4.800,50", "→ R$\u00a04.800,50"),
    ("ru", "120 000", "→ 120\u00a0000\u00a0₽"),
    ("en", "1,200.50", "→ $1,200.50"),
])
async def test_an_amount_keeps_its_commas_and_spaces_and_reads_back_with_its_currency(
        make_app, store, lang, typed, read_back):
    app = at_attempt(make_app, store, lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "#f-pay_amount", typed)
        assert app.screen.query_one("#f-pay_amount", Input).value == typed
        assert echo(app) == read_back


async def test_an_amount_that_cannot_be_read_says_so_in_the_users_language(make_app, store):
    app = at_attempt(make_app, store, "pt")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "#f-pay_amount", "quatro mil")
        assert app.screen.query_one("#f-pay_amount", Input).value == "quatro mil"  # kept
        assert echo(app) == app.catalog.ui("app.money_unknown")


async def test_the_currency_picked_once_is_remembered_for_the_next_plan(make_app, store):
    app = at_attempt(make_app, store, "pt")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await type_text(pilot, "#f-pay_amount", "4800")
        await choose(pilot, "#f-pay_currency", "USD")
        await pilot.pause()
        assert app.settings.currency == "USD"
        assert echo(app) == "→ US$\u00a04.800"
    from store.settings import load_settings

    assert load_settings(store.directory).currency == "USD"
    again = at_attempt(make_app, store, "pt")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pressed = again.screen.query_one("#f-pay_currency").pressed_button
        assert pressed is not None and pressed.name == "USD"
