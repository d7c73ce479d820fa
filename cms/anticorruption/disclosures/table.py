"""The disclosure table of a year as rows of cells, built in a fixed number of queries at any size."""

from dataclasses import dataclass, field
from itertools import zip_longest

from django.db.models import Prefetch

from ..models.disclosures import DisclosureRow, PropertyUse, RealEstateItem, Relation, VehicleItem


@dataclass
class PersonRow:
    """One person (official or relative) and the lines their property occupies (rowspan)."""

    number: int | None
    row: DisclosureRow
    lines: list = field(default_factory=list)  # [(owned item | None, used item | None, vehicle | None)]

    @property
    def span(self) -> int:
        return max(1, len(self.lines))

    @property
    def first_line(self):
        return self.lines[0] if self.lines else (None, None, None)

    @property
    def other_lines(self):
        return self.lines[1:]


def rows_of(campaign):
    """The campaign's rows with property and vehicles prefetched: three queries whatever the size."""
    return (
        DisclosureRow.objects.filter(campaign=campaign)
        .order_by("sort_order", "pk")
        .prefetch_related(
            Prefetch("real_estate", queryset=RealEstateItem.objects.order_by("sort_order", "pk")),
            Prefetch("vehicles", queryset=VehicleItem.objects.order_by("sort_order", "pk")),
        )
    )


def ordered_people(rows):
    """Officials in order, each followed by their relatives (spouse first, then children)."""
    rows = list(rows)
    relatives = {}
    for row in rows:
        if row.relation != Relation.OFFICIAL:
            relatives.setdefault(row.official_id, []).append(row)
    order = {Relation.SPOUSE: 0, Relation.CHILD: 1}
    for official in (row for row in rows if row.relation == Relation.OFFICIAL):
        yield (
            official,
            sorted(relatives.get(official.pk, []), key=lambda r: (order.get(r.relation, 2), r.sort_order, r.pk)),
        )


def build_table(campaign) -> list[PersonRow]:
    table = []
    for number, (official, relatives) in enumerate(ordered_people(rows_of(campaign)), start=1):
        for person, person_number in [(official, number)] + [(relative, None) for relative in relatives]:
            estates = list(person.real_estate.all())
            owned = [item for item in estates if item.use == PropertyUse.OWNED]
            used = [item for item in estates if item.use == PropertyUse.USED]
            lines = list(zip_longest(owned, used, list(person.vehicles.all())))
            table.append(PersonRow(number=person_number, row=person, lines=lines))
    return table
