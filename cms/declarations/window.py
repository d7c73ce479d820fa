"""The public discussion period: whole days in the site's time zone (Asia/Barnaul), both ends included.

A period «с 1 по 10 марта» opens at 00:00 local time on 1 March and closes at the end of 10 March local time,
whatever the server's clock zone is.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

NOT_SET = "not_set"
NOT_STARTED = "not_started"
OPEN = "open"
CLOSED = "closed"


@dataclass(frozen=True)
class Window:
    start: date | None
    end: date | None

    def state(self, now: datetime | None = None) -> str:
        if self.start is None or self.end is None:
            return NOT_SET
        today = timezone.localdate(now or timezone.now())
        if today < self.start:
            return NOT_STARTED
        if today > self.end:
            return CLOSED
        return OPEN

    def is_open(self, now: datetime | None = None) -> bool:
        return self.state(now) == OPEN
