"""The query log: search_promotions' Query and daily hits for every search, and our count of fruitless searches."""

from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from search.models import ZeroResultDailyHits


def record_search(query_string: str, found: int) -> Query:
    """Log one search (not each page of results browsed); a search that found nothing is counted apart too."""
    query = Query.get(query_string)
    query.add_hit()
    if found == 0:
        today = timezone.localdate()
        row, created = ZeroResultDailyHits.objects.get_or_create(query=query, date=today, defaults={"hits": 1})
        if not created:
            ZeroResultDailyHits.objects.filter(pk=row.pk).update(hits=F("hits") + 1)
    return query
