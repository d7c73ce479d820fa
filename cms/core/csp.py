"""The Content-Security-Policy, with the few allowances the Wagtail admin needs and the citizen site does not.

The policy itself is `CONTENT_SECURITY_POLICY` in the settings. The Wagtail 8.0 admin still writes some inline
code (the inline panels' and date choosers' `<script>` initialisers, `style` attributes set by its widgets),
which no nonce can cover because Wagtail renders them without one. Only responses under the admin get the
allowances below; the citizen site keeps the strict policy. `tests/browser/test_platform.py` walks both with
the policy enforced and fails on any violation, so when an upgrade drops an inline script, removing the
allowance is safe once that test still passes.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from django.urls import NoReverseMatch, reverse

ADMIN_ALLOWANCES = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
}


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware, adding ``ADMIN_ALLOWANCES`` to the policy of the admin's responses."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(_admin_prefix()):
            update = dict(parts.update or {})
            for directive, sources in ADMIN_ALLOWANCES.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
            # A nonce in the header would make browsers ignore 'unsafe-inline' for scripts.
            parts.nonce = None
        return parts


def _admin_prefix() -> str:
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:  # a URLconf without the admin (some tests, a headless deployment)
        return "\0"  # matches no path
