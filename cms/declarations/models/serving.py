"""A page that takes citizens' proposals during its discussion period (draft acts and declarations)."""


class TakesProposalsMixin:
    """POST sends a proposal while the period is open; outside it the page answers 403 and shows the dates."""

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if not self.discussion_window.is_open():
            response = super().serve(request, *args, **kwargs)
            response.status_code = 403
            return response
        from cms.declarations import proposals

        outcome = proposals.receive(self, request)
        if outcome.redirect:
            return outcome.redirect
        request.proposal_outcome = outcome  # the bound form, with what was typed and its errors
        response = super().serve(request, *args, **kwargs)
        response.status_code = outcome.status
        return response
