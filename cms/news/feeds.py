"""The site's news for feed readers: RSS 2.0 and Atom 1.0 of the latest live, public news items."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .models import NewsIndexPage, NewsPage

ITEMS = 30


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    title = _("News of the ZATO Sibirsky administration")
    description = _("The latest news of the official site.")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return Site.find_for_request(request)

    def link(self, site):
        index = NewsIndexPage.objects.live().public().first()
        return index.get_url(self.request) if index else "/"

    def items(self, site):
        pages = NewsPage.objects.live().public().select_related("main_image")
        if site is not None:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        return pages.prefetch_related("tagged_items__tag").order_by("-date", "-pk")[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.last_published_at or item.date

    def item_categories(self, item):
        return [tagged.tag.name for tagged in item.tagged_items.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
