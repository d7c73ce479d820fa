"""Benchmark-only middleware: mark the served site the way LinkChecker needs to lift its per-host wait."""


def linkchecker_header(get_response):
    """Add a `LinkChecker` response header: without it LinkChecker waits 0.1-0.6 s per request to the host
    under one global lock (DOMAIN.md, "Benchmark peers"), which would measure that wait, not the checker."""

    def middleware(request):
        response = get_response(request)
        response["LinkChecker"] = "1"
        return response

    return middleware
