"""The site's URLs plus /bench/bare/: a plain Django view returning constant JSON (the machine's ceiling)."""

from django.http import JsonResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def bare(request):
    return JsonResponse({"ok": True})


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]
