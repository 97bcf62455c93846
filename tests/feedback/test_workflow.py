"""Every state × action × role of the feedback table, against the rules written out here."""

from motcua.core.workflow import NEW, SYSTEM, assert_walk
from motcua.feedback.workflows import FEEDBACK, HANDLER, LEADER, RECEIVER, SENDER

S, R, H, L, SYS = SENDER, RECEIVER, HANDLER, LEADER, SYSTEM

RULES = {
    (NEW, "send"): ("received", {S}),
    (NEW, "record"): ("received", {R}),
    (NEW, "import"): ("received", {R}),
    ("received", "refuse"): ("refused", {R}),
    ("received", "ask_to_complete"): ("incomplete", {R}),
    ("received", "accept"): ("accepted", {R}),
    ("incomplete", "supplement"): ("received", {S, R}),
    ("accepted", "route"): ("processing", {R}),
    ("processing", "transfer"): ("processing", {R, H, L}),
    ("processing", "return_to_desk"): ("accepted", {H, L}),
    ("processing", "draft_answer"): ("awaiting_approval", {H, L}),
    ("awaiting_approval", "approve"): ("approved", {L}),
    ("awaiting_approval", "send_back"): ("processing", {L}),
    ("approved", "publish"): ("published", {R, L}),
}


def expected(source, action, held):
    target, who = RULES.get((source, action), (None, set()))
    return target if held & (who | {SYS}) else None


def test_every_state_action_and_role_of_the_feedback_table():
    assert assert_walk(FEEDBACK, expected) >= len(FEEDBACK.table)


def test_published_and_refused_are_final():
    for final in ("published", "refused"):
        assert FEEDBACK.allowed_actions(final, {S, R, H, L, SYS}) == []
