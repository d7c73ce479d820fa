"""The base form of a citizen submission: a honeypot, consent to processing, the attachment's original name."""

from django import forms
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


class SubmissionForm(forms.ModelForm):
    """Subclass with ``Meta.model`` (a Submission subclass) and ``Meta.fields`` (the sender's fields only).

    CSRF comes from Django's middleware ({% csrf_token %} in the template). The honeypot is a text field hidden from
    people by CSS (``submissions/submissions.css``) and from screen readers by its label; bots fill it.
    """

    require_consent = True

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data for the consideration of this message"),
        required=True,
        error_messages={"required": _("Your consent is needed to consider the message.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.require_consent:
            del self.fields["consent"]
        # The honeypot last, so it is not the first field a keyboard user meets.
        self.order_fields([name for name in self.fields if name != HONEYPOT_FIELD] + [HONEYPOT_FIELD])

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def visible_submission_fields(self):
        return [field for field in self if field.name != HONEYPOT_FIELD]

    def save(self, commit=True):
        instance = super().save(commit=False)
        upload = self.cleaned_data.get("attachment")
        if upload and hasattr(instance, "attachment_name"):
            instance.attachment_name = upload.name[:255]
        if commit:
            instance.save()
        return instance
