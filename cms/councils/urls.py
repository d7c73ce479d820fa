"""Citizen-facing URLs of this area that are not served by a page (mounted at the site root by cms/urls.py)."""

from django.urls import path

from . import views

app_name = "councils"
urlpatterns = [
    path("councils/meetings.ics", views.meetings_ics, name="meetings_ics"),
]
