"""The last attempt: messages for scope, payment, expectations or price, and a payment plan."""

from __future__ import annotations

import contextlib

from rich.table import Table
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import RadioSet, Static, TextArea

from content.dates import format_date
from content.flows import Field
from content.flows.drop_drafts import format_money, plan_from_answers, plan_markdown, plan_problem
from content.money import CURRENCIES, default_currency
from store.errors import StoreError
from store.settings import save_settings
from tui.screens.drop.form import DropFormStep
from tui.widgets.step import NumberEcho


class PaymentPlanTable(Static):
    """The instalments of a payment plan as a table, or what is still missing for one."""


class LastAttemptStep(DropFormStep):
    """The parts of the last attempt that the seen flags call for, and a review date.

    Its answer keeps `_markdown`: the payment plan table, when there is one. The currency
    is asked once: the one picked last is remembered in the settings and starts the next
    plan.
    """

    def compose_body(self) -> ComposeResult:
        if self.data.get("pay_currency") not in CURRENCIES:
            remembered = getattr(getattr(self.app, "settings", None), "currency", None)
            self.data["pay_currency"] = remembered if remembered in CURRENCIES \
                else default_currency(self.catalog.lang)
        yield from super().compose_body()

    def currency(self) -> str | None:
        return str(self.data.get("pay_currency") or "") or None

    def compose_after(self, field: Field) -> ComposeResult:
        if field.id != "pay_interest":
            return
        with Vertical(id="pay-plan", classes="field") as box:
            box.display = self._visible("pay_amount")
            yield Static(self.item.get("pay_table_title"), classes="field-label")
            yield PaymentPlanTable(self._plan_renderable(), id="pay-plan-table")

    def on_mount(self) -> None:
        super().on_mount()
        self._update_plan(post=False)

    def _refresh_dependents(self) -> None:
        super()._refresh_dependents()
        self._update_plan(post=False)

    def on_input_changed(self, event) -> None:  # noqa: ANN001 - Textual message
        # The base form records the field first; the table follows on the next refresh.
        self.call_after_refresh(self._update_plan)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        # The lists are text fields and the letters quote them: the expectations letter,
        # offered once its list has an item, must appear as the first item is typed.
        field = self._field_of(event.text_area)
        if field is not None and field.kind == "text":
            self.call_after_refresh(self._refresh_dependents)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        if event.radio_set.id == "f-pay_currency" and event.pressed.name in CURRENCIES:
            self._remember_currency(event.pressed.name)
        self.call_after_refresh(self._update_plan)

    def _remember_currency(self, currency: str) -> None:
        settings = getattr(self.app, "settings", None)
        if settings is None or settings.currency == currency:
            return
        settings.currency = currency
        # A setting that cannot be saved still applies for this run.
        with contextlib.suppress(OSError, StoreError):
            save_settings(self.app.store.directory, settings)
        self.call_after_refresh(self._update_amount_echo)  # once the form has the pick

    def _update_amount_echo(self) -> None:
        amount = next(f for f in self.step.fields if f.id == "pay_amount")
        for echo in self.query("#echo-pay_amount").results(NumberEcho):
            echo.update(self._number_echo(amount, str(self.data.get("pay_amount") or "")))

    def _plan_renderable(self) -> Table | str:
        merged = self._merged()
        problem = plan_problem(merged, self.catalog.lang, self.today)
        if problem:
            return self.catalog.ui(problem)
        plan = plan_from_answers(merged, self.catalog.lang, self.today) or []
        ui = self.catalog.ui
        table = Table(box=None, pad_edge=False, header_style="bold")
        table.add_column(ui("drop_attempt.table_number"), justify="right")
        table.add_column(ui("drop_attempt.table_due"))
        for key in ("table_amount", "table_early", "table_late"):
            table.add_column(ui(f"drop_attempt.{key}"), justify="right")
        for item in plan:
            table.add_row(str(item.number), format_date(item.due, self.catalog.lang),
                          format_money(item.amount, self.catalog, self.currency()),
                          format_money(item.if_early, self.catalog, self.currency()),
                          format_money(item.if_late, self.catalog, self.currency()))
        total = sum(i.amount for i in plan)
        table.add_row(ui("drop_attempt.table_total"), "", format_money(total, self.catalog, self.currency()), "",
                      "", style="bold")
        return table

    def _update_plan(self, post: bool = True) -> None:
        """Redraw the plan and keep its Markdown table in the answer (for the summary)."""
        tables = list(self.query("#pay-plan-table").results(PaymentPlanTable))
        if not tables:
            return
        merged = self._merged()
        tables[0].update(self._plan_renderable())
        plan = plan_from_answers(merged, self.catalog.lang, self.today)
        markdown = plan_markdown(plan, self.catalog, self.currency()) \
            if plan and self._visible("pay_amount") else ""
        if self.data.get("_markdown", "") == markdown:
            return
        if markdown:
            self.data["_markdown"] = markdown
        else:
            self.data.pop("_markdown", None)
        if post:
            self.post_message(self.Changed(self.step.id, dict(self.data)))
