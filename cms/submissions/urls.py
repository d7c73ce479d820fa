"""Citizen-facing URLs of this area that are not served by a page (mounted at the site root by cms/urls.py)."""

app_name = "submissions"
urlpatterns = []
