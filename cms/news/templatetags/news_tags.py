"""Template tags of the news area: the latest news (used by the home page) and the feed links for <head>.

The home page (cms.pages) shows the news through ``{% load news_tags %}{% latest_news %}`` in its template, so
cms.pages never imports cms.news (the layers contract, docs/architecture.md).
"""

from django import template
from wagtail.models import Site

from cms.news.models import NewsPage

register = template.Library()

LATEST = 5


@register.inclusion_tag("news/includes/latest_news.html", takes_context=True)
def latest_news(context, count=LATEST):
    """The newest live, public news items of the request's site (one query), with a link to all news."""
    request = context.get("request")
    items = NewsPage.objects.live().public().select_related("main_image").order_by("-date", "-pk")
    site = Site.find_for_request(request) if request is not None else None  # cached on the request
    if site is not None:
        items = items.descendant_of(site.root_page, inclusive=True)
    items = list(items[:count])
    index = items[0].get_parent() if items else None
    return {"request": request, "items": items, "index": index}


@register.inclusion_tag("news/includes/feed_links.html")
def news_feed_links():
    """<link rel="alternate"> to the news feeds, for a page's <head>."""
    return {}
