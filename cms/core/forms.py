"""Wagtail's login form with a translated label for the password (Wagtail 8.0 leaves it to Django's field-name
fallback, which prints the English «Password»). Set as WAGTAILADMIN_USER_LOGIN_FORM."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
