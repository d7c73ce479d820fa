"""An official of the administration: name, position, photo and how to reach them."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .contacts import tel_href

# The rendition person.html asks for; fetched for all officials of a page in one query.
PORTRAIT_FILTER = "fill-240x320"


class PersonBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Full name"), max_length=255)
    position = blocks.CharBlock(label=_("Position"), max_length=255)
    photo = ImageChooserBlock(label=_("Photo"), required=False)
    photo_alt = blocks.CharBlock(
        label=_("Photo description"),
        required=False,
        max_length=255,
        help_text=_(
            "Alternative text read out to blind visitors, e.g. «Портрет И. И. Иванова». Required with a photo."
        ),
    )
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=64)
    email = blocks.EmailBlock(label=_("E-mail"), required=False)
    reception_hours = blocks.TextBlock(label=_("Reception hours"), required=False)

    class Meta:
        icon = "user"
        label = _("Official")
        template = "transparency_blocks/person.html"
        preview_value = {
            "name": "Иванов Иван Иванович",
            "position": "Глава ЗАТО Сибирский",
            "photo": None,
            "photo_alt": "",
            "phone": "+7 (38532) 5-00-00",
            "email": "glava@example.ru",
            "reception_hours": "Первый вторник месяца, 14:00–17:00",
        }
        description = _("A head or official with photo, position and contacts.")

    def clean(self, value):
        # Without alt text a portrait is an unlabelled image to a screen reader; drafts may stay incomplete.
        if value.get("photo") is not None and not (value.get("photo_alt") or "").strip():
            if not self.is_deferred_validation:
                raise blocks.StructBlockValidationError(
                    block_errors={"photo_alt": ValidationError(_("Describe the photo for visitors who cannot see it."))}
                )
        return super().clean(value)

    def bulk_to_python(self, values):
        people = super().bulk_to_python(values)
        photos = [person["photo"] for person in people if person.get("photo") is not None]
        if photos:
            renditions = photos[0].get_rendition_model().objects.filter(filter_spec=PORTRAIT_FILTER)
            prefetch_related_objects(
                photos, Prefetch("renditions", queryset=renditions, to_attr="prefetched_renditions")
            )
        return people

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["phone_href"] = tel_href(value.get("phone") or "")
        return context
