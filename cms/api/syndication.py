"""The newspaper materials as Atom 1.0 and RSS 2.0 for ordinary feed readers (the latest live ones)."""

from django.contrib.syndication.views import Feed
from django.utils.dateparse import parse_datetime
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from .models import FeedEntry

ITEMS = 50


class NewspaperRssFeed(Feed):
    feed_type = Rss201rev2Feed
    title = _("Materials for the newspaper «Сибирский вестник»")
    description = _("News and press releases of the administration marked for the newspaper.")

    def link(self):
        return "/"

    def items(self):
        return FeedEntry.objects.filter(state=FeedEntry.State.LIVE).order_by("-changed_at", "-sequence")[:ITEMS]

    def item_title(self, entry):
        return entry.payload.get("title", "")

    def item_description(self, entry):
        return entry.payload.get("body_html") or entry.payload.get("lead", "")

    def item_link(self, entry):
        return entry.payload.get("url") or "/"

    def item_guid(self, entry):
        return entry.payload.get("url") or f"material-{entry.page_id}"

    def item_pubdate(self, entry):
        value = entry.payload.get("published_at")
        return parse_datetime(value) if value else entry.changed_at

    def item_updateddate(self, entry):
        return entry.changed_at

    def item_categories(self, entry):
        return entry.payload.get("tags", [])

    def item_author_name(self, entry):
        unit = entry.payload.get("unit") or {}
        return entry.payload.get("author") or unit.get("name")


class NewspaperAtomFeed(NewspaperRssFeed):
    feed_type = Atom1Feed
    subtitle = NewspaperRssFeed.description
