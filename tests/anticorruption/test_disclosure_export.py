"""The JSON download follows the Declarator import format and validates against its published schema."""

import json
from pathlib import Path

import jsonschema
import pytest

import cms.anticorruption
from cms.anticorruption.disclosures import export
from cms.anticorruption.models import DisclosureCampaign, DisclosureRow, RealEstateItem, Relation

SCHEMA = json.loads(
    (Path(cms.anticorruption.__file__).parent / "schemas" / "declarator-import-schema.json").read_text("utf-8")
)

pytestmark = pytest.mark.django_db


def test_schema_is_the_published_one():
    assert SCHEMA["$id"] == "http://declarator.org/static/api/import-schema.json"
    relative_values = SCHEMA["items"]["properties"]["incomes"]["items"]["properties"]["relative"]["enum"]
    assert "Супруг(а)" in relative_values and "Ребенок" in relative_values


def test_json_validates_against_the_declarator_schema(campaign):
    data = json.loads(export.render(campaign, "json", page_url="https://zato-sibirsky.ru/svedeniya/"))
    jsonschema.validate(data, SCHEMA)
    first = data[0]
    assert first["person"] == {
        "name_raw": "Берёзкин Алексей Петрович",
        "name": "Берёзкин Алексей Петрович",
        "role": "Начальник отдела",
    }
    assert first["year"] == 2025
    assert first["document"]["page_url"] == "https://zato-sibirsky.ru/svedeniya/"
    assert {"size": 1000000, "relative": None} in first["incomes"]
    assert {"size": 350000, "relative": "Супруг(а)"} in first["incomes"]
    relatives = {item["relative"] for item in first["real_estates"]}
    assert relatives == {None, "Супруг(а)", "Ребенок"}
    owned = next(item for item in first["real_estates"] if item["own_type"] == "В собственности")
    assert owned["share_amount"] == 0.5 and owned["square"] == 54.3 and owned["country"] == "Россия"
    assert first["vehicles"][0]["text"] == "автомобиль легковой Лада Веста"


def test_json_of_an_empty_year_and_of_items_without_area_is_valid():
    campaign = DisclosureCampaign.objects.create(year=2023)
    jsonschema.validate(json.loads(export.render(campaign, "json")), SCHEMA)
    official = DisclosureRow.objects.create(campaign=campaign, relation=Relation.OFFICIAL, name="А Б В", position="x")
    RealEstateItem.objects.create(row=official, use="used", object_type="квартира", area=None, country="")
    data = json.loads(export.render(campaign, "json"))
    jsonschema.validate(data, SCHEMA)
    assert data[0]["incomes"] == [] and data[0]["real_estates"][0]["square"] is None


def test_a_wrong_relative_value_would_be_caught():
    bad = [{"person": {"name_raw": "x"}, "incomes": [{"size": 1, "relative": "Жена"}]}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA)
