"""Admin forms: the draft act's stages must be recorded in order, dated, and with what each stage needs."""

from django.utils.translation import gettext_lazy as _

from cms.declarations.stages import Stage, StageEntry, ordered, stage_errors
from cms.ownership.forms import OwnedPageForm


class DraftActPageForm(OwnedPageForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("stages")
        # ClusterForm validates its formsets after the form itself: validate the stages now to read them.
        if formset is None or not formset.is_valid():
            return cleaned
        entries = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE") or not data.get("stage"):
                continue
            entries.append(StageEntry(data["stage"], data.get("day")))
        for message in stage_errors(ordered(entries)):
            self.add_error(None, message)
        reached = {e.stage for e in entries}
        if Stage.DISCUSSION in reached and not (cleaned.get("discussion_start") and cleaned.get("discussion_end")):
            self.add_error(
                "discussion_start", _("The discussion stage needs the first and the last day of the period.")
            )
        if Stage.ADOPTED in reached and not (cleaned.get("adopted_act_page") or cleaned.get("adopted_act_url")):
            self.add_error("adopted_act_url", _("Link the adopted act: choose its page or give its address."))
        if Stage.ADOPTED in reached and not cleaned.get("adopted_act_title"):
            self.add_error("adopted_act_title", _("Give the adopted act's name and number."))
        return cleaned
