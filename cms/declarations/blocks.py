"""StreamField blocks of a declaration: its goals with the directions of work under each."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class GoalBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Goal"), max_length=500)
    description = blocks.TextBlock(label=_("Description"), required=False)
    directions = blocks.ListBlock(blocks.CharBlock(label=_("Direction"), max_length=500), label=_("Directions of work"))

    class Meta:
        icon = "pick"
        label = _("Goal")
        template = "declarations/blocks/goal.html"
        preview_value = {
            "title": "Повышение доступности муниципальных услуг",
            "description": "Сократить сроки и упростить получение услуг жителями.",
            "directions": ["Перевод услуг в электронный вид", "Сокращение сроков предоставления услуг"],
        }
        description = _("A goal of the year with the directions of work that serve it.")


class PlannedResultBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Planned result"), max_length=500)
    due = blocks.CharBlock(label=_("When"), required=False, max_length=100, help_text=_("e.g. «IV квартал»"))

    class Meta:
        icon = "tick"
        label = _("Planned result")
        template = "declarations/blocks/planned_result.html"
        preview_value = {"text": "Все массовые услуги доступны на портале «Госуслуги»", "due": "IV квартал"}
        description = _("A result the body plans to reach this year, with when.")
