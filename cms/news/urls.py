"""Citizen-facing URLs of this area that are not served by a page (mounted at the site root by cms/urls.py)."""

from django.urls import path

from .feeds import NewsAtomFeed, NewsRssFeed

app_name = "news"
urlpatterns = [
    path("news/feed/rss/", NewsRssFeed(), name="rss"),
    path("news/feed/atom/", NewsAtomFeed(), name="atom"),
]
