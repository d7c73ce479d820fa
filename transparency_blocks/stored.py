"""Reading a page's stored content without rendering it: what the routing and the link checker scan for links."""


def stored_strings(value):
    """Every string inside stored StreamField data (nested dicts and lists), or the string itself."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from stored_strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from stored_strings(item)
