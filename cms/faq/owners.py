"""Who answers for what, asked of the ownership layer in one place."""


def unit_of(page):
    """The unit that owns ``page`` (a rubric or the FAQ page), or None."""
    if page is None:
        return None
    return getattr(page.specific_deferred, "owner_unit", None)
