"""Who answers for what, asked of ownership's public API in one place."""

from cms.ownership import api as ownership


def unit_of(obj):
    """The unit that owns ``obj`` (a rubric, the FAQ page or an entry), or None."""
    if obj is None:
        return None
    owner = ownership.owner_of(obj)
    return owner.unit if owner else None


def give_entry_an_owner(entry, *, unit=None):
    """An entry without an owner gets ``unit``, else its category's owner (so it shows in the review report)."""
    if unit_of(entry) is not None:
        return
    unit = unit or unit_of(entry.category)
    if unit is not None:
        ownership.assign(entry, unit=unit)
