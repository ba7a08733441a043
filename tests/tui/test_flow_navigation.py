"""The flow frame: moving between steps never loses focus or crashes, however it is done."""

from __future__ import annotations

from tui.screens.flow import FlowScreen


async def test_back_button_to_the_breathing_step_shows_it_without_crashing(make_app):
    app = make_app(start="dropped", client="Acme")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+n")  # the hold step
        await pilot.pause()
        await pilot.click("#nav-back")
        await pilot.pause(0.3)
        assert isinstance(app.screen, FlowScreen)
        assert app.screen.current.step.id == "breathe"
        assert app.screen.query_one("#breathe-start").display


async def test_pressing_continue_and_back_in_quick_succession_lands_on_a_focused_step(make_app):
    app = make_app(start="drop", client="Acme")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n", "ctrl+n", "escape", "ctrl+n", "escape", "escape")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, FlowScreen)
        assert screen.current.step.id == "client"
        assert app.focused is not None and screen.current in app.focused.ancestors


async def test_leaving_a_flow_opened_by_mistake_leaves_no_blank_session(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for key in ("d", "escape", "s", "escape"):
            await pilot.press(key)
            await pilot.pause()
        assert store.count() == 0


async def test_leaving_a_flow_after_typing_a_name_keeps_the_session(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"Acme")
        await pilot.press("escape")
        await pilot.pause()
        assert [s.client for s in store.summaries()] == ["Acme"]


async def test_keys_typed_while_a_flow_opens_reach_its_first_field(make_app, store):
    from textual import events

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # One burst, as a fast typist sends it: the flow is still being built when the
        # name's letters arrive.
        for key in ("d", *"Acme"):
            app.post_message(events.Key(key, key))
        # Wait for the letters, not for a fixed time: a busy machine takes longer.
        for _ in range(100):
            await pilot.pause(0.05)
            if getattr(app.focused, "value", None) == "Acme":
                break
        assert app.focused.value == "Acme"
        await pilot.press("escape")
        await pilot.pause()
        assert [s.client for s in store.summaries()] == ["Acme"]


async def test_home_lists_the_session_of_a_flow_opened_at_start_on_the_way_back(make_app):
    from textual.widgets import OptionList

    from tui.screens.home import HomeScreen

    app = make_app(start="dropped", client="Acme")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen_stack[-2]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home and isinstance(home, HomeScreen)
        recent = app.screen.query_one("#home-recent", OptionList)
        assert "Acme" in str(recent.get_option_at_index(0).prompt)


def burst(app, *keys: str) -> None:
    """Keys sent in one go, as a fast typist (or a paste of keystrokes) sends them."""
    from textual import events

    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_keys_typed_right_after_continue_reach_the_next_steps_first_field(
        make_app, store):
    from textual.widgets import Input

    from tests.dropped.walk import ANSWERS_BEFORE_REASON, stored_session

    answers = {k: v for k, v in ANSWERS_BEFORE_REASON.items() if k != "gratitude"}
    session = stored_session(store, "feelings", answers)
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, "ctrl+n", *"the shop")
        await pilot.pause(0.5)
        screen = app.screen
        assert screen.current.step.id == "gratitude"
        assert screen.query_one("#f-work", Input).value == "the shop"
        assert screen.session.answers["feelings"] == answers["feelings"]


async def test_tab_typed_while_a_flow_opens_keeps_its_place_among_the_letters(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        burst(app, "d", *"Acme", "tab", *"Jane")
        await pilot.pause(0.5)
        await pilot.press("ctrl+s")
        await pilot.pause()
        [summary] = store.summaries()
        answers = store.get(summary.id).answers["what_happened"]
        assert (answers.get("client"), answers.get("who")) == ("Acme", "Jane")


async def test_a_tab_typed_in_one_burst_with_letters_moves_them_to_the_next_field(make_app, store):
    # "Acme<Tab>Jane" as a fast typist or a password manager sends it, once the step has
    # long had the focus: the letters after the Tab belong to the second field.
    app = make_app(start="dropped")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        burst(app, *"Acme", "tab", *"Jane", "shift+tab", *" Ltd")
        await pilot.pause(0.5)
        await pilot.press("ctrl+s")
        await pilot.pause()
        [summary] = store.summaries()
        answers = store.get(summary.id).answers["what_happened"]
        assert (answers.get("client"), answers.get("who")) == ("Acme Ltd", "Jane")


def in_view(screen) -> bool:
    from textual.containers import VerticalScroll

    body = screen.query_one("#step-body", VerticalScroll)
    return body.content_region.contains_region(screen.focused.region)


async def test_a_new_flow_opens_at_the_top_of_its_first_step(make_app):
    from textual.containers import VerticalScroll

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause(0.3)
        assert app.screen.query_one("#step-body", VerticalScroll).scroll_y == 0
        assert in_view(app.screen)


async def test_in_a_small_window_the_next_steps_field_is_in_view_after_continue(
        make_app, store):
    from tests.dropped.walk import ANSWERS_BEFORE_REASON, stored_session

    answers = {k: v for k, v in ANSWERS_BEFORE_REASON.items() if k != "gratitude"}
    session = stored_session(store, "feelings", answers)
    app = make_app("ru", session_id=session.id)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause(0.3)
        assert app.screen.current.step.id == "gratitude"
        assert in_view(app.screen)


async def test_copy_draft_is_offered_only_once_a_draft_is_on_screen(make_app, store):
    from tests.dropped.walk import ANSWERS_BEFORE_REASON, stored_session

    answers = {k: v for k, v in ANSWERS_BEFORE_REASON.items() if k != "ask_why"}
    session = stored_session(store, "ask_why", answers)
    app = make_app(session_id=session.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        assert screen.current.step.id == "ask_why"
        assert not screen.check_action("copy_draft", ())  # the questions wait for "ready"
        await pilot.press("enter")  # "Yes, I am ready to ask"
        await pilot.pause(0.3)
        assert screen.check_action("copy_draft", ())
        assert "copy_draft" in {b.binding.action for b in screen.active_bindings.values()}
