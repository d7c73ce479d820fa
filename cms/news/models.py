"""News: an index page listing news items, and the news item itself (roadmap 6.3, the newspaper's source)."""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.api.models import FeedMaterialMixin
from cms.pages.models.base import ContentPage

BODY_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "image", "blockquote"]


class NewsIndexPage(ContentPage):
    """«Новости»: the news of the site, newest first, paginated; links its Atom/RSS feeds."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = ContentPage.content_panels + [FieldPanel("intro")]
    search_fields = ContentPage.search_fields + [index.SearchField("intro")]
    api_fields = ContentPage.api_fields + [APIField("intro")]

    parent_page_types = ["pages.HomePage", "pages.RubricPage"]
    subpage_types = ["news.NewsPage"]
    PER_PAGE = 20

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        """Live, public news items below this index, newest first (one query per listing page)."""
        return (
            NewsPage.objects.live().public().descendant_of(self).select_related("main_image").order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.news(), self.PER_PAGE)
        number = request.GET.get("page", "1")
        try:
            context["news_page"] = paginator.page(number)
        except (PageNotAnInteger, EmptyPage):
            # A bad or past-the-end page number shows the first page rather than an error.
            context["news_page"] = paginator.page(1)
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPage(FeedMaterialMixin, ContentPage):
    """A news item: date, lead, body, main image with its alt text, rubric, tags and the editors' flags."""

    date = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    lead = models.TextField(_("lead"), max_length=600, help_text=_("One or two sentences shown in lists and feeds."))
    body = RichTextField(_("body"), features=BODY_FEATURES)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    main_image_alt = models.CharField(
        _("alternative text of the main image"),
        max_length=255,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    rubric = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("rubric"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The section of the site this news item belongs to."),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True)
    is_press_release = models.BooleanField(_("press release"), default=False)

    content_panels = ContentPage.content_panels + [
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("main_image"), FieldPanel("main_image_alt")], heading=_("Main image")),
        PageChooserPanel("rubric", "pages.RubricPage"),
        FieldPanel("tags"),
        MultiFieldPanel([FieldPanel("is_press_release"), FieldPanel("for_newspaper")], heading=_("Flags")),
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("is_press_release"),
    ]
    api_fields = ContentPage.api_fields + [
        APIField("date"),
        APIField("lead"),
        APIField("body"),
        APIField("main_image"),
        APIField("main_image_alt"),
        APIField("rubric"),
        APIField("tags"),
        APIField("is_press_release"),
        APIField("for_newspaper"),
    ]

    # Read by the API's pages endpoint so a listing with these fields costs the same at any size.
    api_select_related = ("main_image", "rubric")
    api_prefetch_related = ("tagged_items__tag",)

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    def clean(self):
        super().clean()
        if self.main_image_id and not self.main_image_alt.strip():
            raise ValidationError(
                {"main_image_alt": _("Describe the picture: readers who cannot see it need the text.")}
            )

    # The newspaper feed (cms.api.models.FeedMaterialMixin).
    def feed_published_at(self):
        return self.date

    def feed_lead(self) -> str:
        return self.lead

    def feed_body_html(self) -> str:
        return self.body

    def feed_images(self) -> list:
        return [(self.main_image, self.main_image_alt)] if self.main_image_id else []

    def feed_tags(self) -> list[str]:
        return sorted(tag.name for tag in self.tags.all())

    def feed_extra(self) -> dict:
        rubric = self.rubric
        return {
            "press_release": self.is_press_release,
            "rubric": {"title": rubric.title, "url": rubric.get_full_url()} if rubric and rubric.live else None,
        }
