"""The spreadsheet layout of a disclosure year: one line per property line, shared by template, import and export.

A line with a full name starts an official; a line with a relation («супруг(а)», «несовершеннолетний ребёнок»)
starts a relative of the official above; a line with neither continues the person above with more property.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..models.disclosures import Relation

COLUMNS = (
    ("number", pgettext_lazy("row number", "No.")),
    ("name", _("Full name")),
    ("relation", _("Relation")),
    ("position", _("Position")),
    ("income", _("Declared annual income, roubles")),
    ("owned_type", _("Real estate owned: kind of object")),
    ("owned_ownership", _("Real estate owned: type of ownership")),
    ("owned_share", _("Real estate owned: share")),
    ("owned_area", _("Real estate owned: area, sq. m")),
    ("owned_country", _("Real estate owned: country")),
    ("used_type", _("Real estate in use: kind of object")),
    ("used_area", _("Real estate in use: area, sq. m")),
    ("used_country", _("Real estate in use: country")),
    ("vehicle_kind", _("Vehicles: kind")),
    ("vehicle_make", _("Vehicles: make and model")),
    ("deal_sources", _("Sources of funds for deals")),
)
KEYS = tuple(key for key, _label in COLUMNS)
NUMERIC = {"income", "owned_area", "used_area", "number"}


def headers() -> list[str]:
    return [str(label) for _key, label in COLUMNS]


def label(key: str) -> str:
    return str(dict(COLUMNS)[key])


# How a relation is written in a file (case-insensitive; «ё» and «е» alike) and how it is shown.
RELATION_WORDS = {
    "супруг": Relation.SPOUSE,
    "супруга": Relation.SPOUSE,
    "супруг(а)": Relation.SPOUSE,
    "несовершеннолетний ребенок": Relation.CHILD,
    "несовершеннолетний ребёнок": Relation.CHILD,
    "ребенок": Relation.CHILD,
    "ребёнок": Relation.CHILD,
    "несовершеннолетний сын": Relation.CHILD,
    "несовершеннолетняя дочь": Relation.CHILD,
    "сын": Relation.CHILD,
    "дочь": Relation.CHILD,
}
RELATION_TEXT = {Relation.SPOUSE: "супруг(а)", Relation.CHILD: "несовершеннолетний ребёнок"}


def parse_relation(text: str):
    return RELATION_WORDS.get(" ".join(str(text).lower().replace("ё", "е").split()).replace("ребенок", "ребенок"))


def flatten(table) -> list[dict]:
    """Lines of the layout from ``table.build_table`` rows (the export; the import reads them back)."""
    lines = []
    for person in table:
        row = person.row
        head = {
            "number": person.number or "",
            "name": row.name if row.relation == Relation.OFFICIAL else "",
            "relation": RELATION_TEXT.get(row.relation, ""),
            "position": row.position,
            "income": row.income,
            "deal_sources": row.deal_sources,
        }
        for index, (owned, used, vehicle) in enumerate(person.lines or [(None, None, None)]):
            line = dict(head) if index == 0 else {}
            if owned is not None:
                line.update(
                    owned_type=owned.object_type,
                    owned_ownership=owned.ownership_type,
                    owned_share=owned.share,
                    owned_area=owned.area,
                    owned_country=owned.country,
                )
            if used is not None:
                line.update(used_type=used.object_type, used_area=used.area, used_country=used.country)
            if vehicle is not None:
                line.update(vehicle_kind=vehicle.kind, vehicle_make=vehicle.make_model)
            lines.append({key: line.get(key, "") for key in KEYS})
    return lines
