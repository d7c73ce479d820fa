"""What fetching one external URL found, as plain values.

The fetching child process (fetchproc.py) imports this module, external.py and netguard.py and nothing else of the
project: they import neither Django nor the models, so the child starts small and needs no settings or database
(tests/linkcheck/test_status.py proves it). The editor-facing wording of these values lives in verdicts.py.
"""

from dataclasses import dataclass
from enum import StrEnum


class UrlStatus(StrEnum):
    OK = "ok"
    BROKEN = "broken"  # the server answered with an error (HTTP 4xx/5xx), or redirects that lead nowhere
    UNREACHABLE = "unreachable"  # no such host, no connection, or no answer in time
    BLOCKED = "blocked"  # the network guard refused the address (private, loopback, reserved ...)
    INVALID = "invalid"  # not an http(s) address
    UNCHECKED = "unchecked"  # the run's time budget ran out first: neither broken nor fine


class Reason(StrEnum):
    """Why a URL got its status; verdicts.py turns each into a Russian sentence for editors."""

    NONE = ""
    HTTP_ERROR = "http"
    REDIRECT_LOOP = "redirect-loop"
    TOO_MANY_REDIRECTS = "too-many-redirects"
    NO_SUCH_HOST = "dns"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    TLS = "tls"
    FAILED = "failed"  # any other network failure (reset connection, malformed answer ...)
    PRIVATE_ADDRESS = "private-address"
    NOT_HTTP = "not-http"
    BUDGET = "budget"
    CHECKER_ERROR = "checker-error"  # a fault of the checker itself (logged): the link stays unchecked


# Statuses that make a link a problem; UNCHECKED is neither a problem nor fine.
PROBLEM_STATUSES = frozenset({UrlStatus.BROKEN, UrlStatus.UNREACHABLE, UrlStatus.BLOCKED, UrlStatus.INVALID})


@dataclass
class UrlResult:
    url: str
    status: str
    http_status: int | None = None
    reason: str = ""  # a Reason value
    final_url: str = ""
    detail: str = ""  # technical detail (an address, an exception's text) for logs, never shown to editors

    def as_tuple(self):
        """For the pipe between the fetching process and the run."""
        return (self.url, str(self.status), self.http_status, str(self.reason), self.final_url, self.detail)
