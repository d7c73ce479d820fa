"""Registration numbers «<prefix>-<year>-<000123>»: one gap-free sequence per prefix and year."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

NUMBER_DIGITS = 6


def format_number(prefix: str, year: int, value: int) -> str:
    return f"{prefix}-{year}-{value:0{NUMBER_DIGITS}d}"


def next_number(prefix: str, when=None) -> str:
    """The next number of ``prefix`` in the local year of ``when`` (now by default); safe under concurrency.

    The counter row is bumped with an UPDATE ... SET value = value + 1, which both SQLite and PostgreSQL serialise,
    so two simultaneous senders never get the same number.
    """
    from .models import RegistrationSequence

    year = timezone.localtime(when or timezone.now()).year
    with transaction.atomic():
        updated = RegistrationSequence.objects.filter(prefix=prefix, year=year).update(last_value=F("last_value") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    RegistrationSequence.objects.create(prefix=prefix, year=year, last_value=1)
            except IntegrityError:  # another request created the row first: take the next value after it
                RegistrationSequence.objects.filter(prefix=prefix, year=year).update(last_value=F("last_value") + 1)
        value = RegistrationSequence.objects.get(prefix=prefix, year=year).last_value
    return format_number(prefix, year, value)
