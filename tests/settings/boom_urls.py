"""A URL that fails, for the production logging test (a real 500 through Django's request handling)."""

from django.urls import path


def boom(request):
    raise RuntimeError("the database said no")


urlpatterns = [path("boom/", boom)]
