"""The proposal form and the published summary that a draft act and a declaration share (roadmap 4.3, 7.2)."""

from cms.declarations.stages import Stage
from cms.declarations.window import CLOSED, OPEN


def summary_is_public(page) -> bool:
    """Draft acts publish the summary at the «summary» stage; declarations once their discussion has closed."""
    if hasattr(page, "timeline"):
        reached = {row["stage"] for row in page.timeline() if row["reached"]}
        return Stage.SUMMARY in reached or Stage.ADOPTED in reached
    return page.discussion_window.state() == CLOSED


def discussion_context(page, request) -> dict:
    from cms.declarations import proposals

    window = page.discussion_window
    state = window.state()
    context = {"discussion_state": state, "discussion_window": window, "summary": None}
    if state == OPEN:
        outcome = getattr(request, "proposal_outcome", None)
        context["proposal_form"] = outcome.form if outcome else proposals.empty_form(page)
        context["receipt"] = proposals.pop_receipt_for(request, page)
    if summary_is_public(page):
        context["summary"] = proposals.published_summary(page)
    return context
