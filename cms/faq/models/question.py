"""«Задать вопрос»: a citizen's proposed question, stored as a private submission in the owning unit's inbox."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.submissions.models import Submission


class FaqQuestion(Submission):
    """A question a citizen asks for the FAQ. The sender's name and e-mail stay in the inbox: never on the site,
    in search or in the API (the model is not indexed and has no page or endpoint)."""

    registration_prefix = "ВП"
    inbox_group_name = "Вопросы граждан для раздела «Вопросы и ответы»"

    name = models.CharField(_("your name"), max_length=200)
    email = models.EmailField(_("e-mail for the answer"))
    category = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("question"), max_length=2000)
    owner_unit = models.ForeignKey(
        "snippets.ResponsibleUnit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
        help_text=_("The unit whose inbox received the question: the owner of its topic."),
    )
    entry = models.ForeignKey(
        "faq.FaqEntry",
        verbose_name=_("FAQ entry"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    class Meta(Submission.Meta):
        verbose_name = _("citizen's question")
        verbose_name_plural = _("citizens' questions")
