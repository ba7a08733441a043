"""The verdict of "Should I drop them?": a pure function of the flags and the self-check."""

import pytest

from content.verdict import (
    DEALBREAKERS,
    FLAGS,
    Verdict,
    assess,
    flag_weight,
    income_at_stake,
    my_part,
    seen_flags,
)


def flags(**seen: str) -> dict:
    return {name: {"seen": True, "often": often} for name, often in seen.items()}


@pytest.mark.parametrize("dealbreaker", sorted(DEALBREAKERS))
def test_any_dealbreaker_means_end_now_without_a_last_attempt(dealbreaker):
    verdict = assess(flags(**{dealbreaker: "once"}), {"own_part": "yes", "could_better": "yes"})
    assert verdict.kind == "end_now"
    assert verdict.last_attempt_allowed is False
    assert verdict.legal_help is True
    assert verdict.reasons[0] == dealbreaker


def test_a_dealbreaker_outweighs_everything_else_and_is_named_first():
    verdict = assess(flags(scope="often", rude="often", illegal="once", harassment="once"))
    assert verdict.kind == "end_now"
    assert verdict.reasons[:2] == ("harassment", "illegal")


def test_no_flags_means_work_on_it_yourself():
    verdict = assess({}, {})
    assert verdict == Verdict("work_on_yourself")
    assert verdict.last_attempt_allowed


def test_unticked_flags_do_not_count():
    assert assess({"scope": {"seen": False, "often": "often"}}).kind == "work_on_yourself"


def test_rude_or_threatening_behaviour_rules_out_a_last_attempt():
    assert assess(flags(rude="once")).kind == "part"
    assert assess(flags(review_threats="once")).kind == "part"


def test_a_few_flags_earn_one_last_attempt():
    verdict = assess(flags(scope="sometimes", late_payment="once"))
    assert verdict.kind == "last_attempt"
    assert verdict.reasons == ("scope", "late_payment")


def test_many_frequent_flags_mean_parting():
    verdict = assess(flags(scope="often", late_payment="often", obligations="sometimes"))
    assert verdict.load == 6 + 6 + 4
    assert verdict.kind == "part"


def test_calling_the_client_toxic_lowers_the_bar_for_parting():
    seen = flags(scope="often", late_payment="once")  # load 8
    assert assess(seen, {"difficult_or_toxic": "difficult"}).kind == "last_attempt"
    assert assess(seen, {"difficult_or_toxic": "toxic"}).kind == "part"


def test_a_light_load_with_much_of_it_on_my_side_means_work_on_it_yourself():
    seen = flags(nitpick="sometimes")  # load 2
    mine = {"own_part": "yes", "could_better": "yes"}
    assert assess(seen, mine).kind == "work_on_yourself"
    assert assess(seen, {}).kind == "last_attempt"


def test_my_own_part_does_not_excuse_a_heavy_load():
    seen = flags(scope="often", belittle="sometimes")  # load 10
    mine = {"own_part": "yes", "could_better": "yes", "best_effort": "no", "others_agree": "no"}
    assert assess(seen, mine).kind == "last_attempt"


def test_self_check_counts_answers_that_point_back_at_me_and_half_for_not_sure():
    assert my_part({"own_part": "yes", "could_better": "no", "best_effort": "no",
                    "others_agree": "unsure"}) == 2.5
    assert my_part({"own_part": "no", "best_effort": "yes", "others_agree": "yes"}) == 0
    assert my_part(None) == 0


def test_the_weightiest_flags_come_first_and_at_most_three_are_named():
    verdict = assess(flags(impossible="often", scope="often", terms="once", nitpick="often",
                           obligations="sometimes"))
    assert verdict.reasons == ("scope", "obligations", "impossible")  # 6, 4, 3 (ties: list order)


def test_frequency_multiplies_weight_and_a_missing_frequency_reads_as_sometimes():
    assert flag_weight("scope", "once") == 2
    assert flag_weight("scope", "often") == 6
    assert seen_flags({"scope": {"seen": True}}) == {"scope": "sometimes"}
    assert seen_flags({"nonsense": {"seen": True}, "scope": "yes"}) == {}


def test_every_flag_has_a_weight_and_the_order_is_the_checklists():
    assert FLAGS[0] == "terms" and FLAGS[-2:] == ("harassment", "illegal")
    assert len(FLAGS) == 17


@pytest.mark.parametrize("typed, share", [("40", 40.0), ("12.5%", 12.5), (" 7,5 ", 7.5),
                                         ("150", 100.0), ("", None), ("lots", None),
                                         ("-3", None), ("nan", None)])
def test_income_share_is_read_forgivingly(typed, share):
    assert income_at_stake(typed) == share
