"""The FAQ registry: one answer per entry, with drafts, revisions, locking, tags and reader feedback."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from cms.faq.text import latin_slug
from cms.ownership.forms import OwnedModelForm
from cms.ownership.models import OwnedModelMixin
from cms.ownership.panels import ownership_panels

# Categories are the site's rubrics, named rather than imported so the FAQ does not depend on a concrete class.
RUBRIC_PAGE_TYPE = "pages.RubricPage"
# Addresses the FAQ page routes itself (an entry with one of these slugs would be unreachable).
RESERVED_SLUGS = frozenset({"ask"})
ANSWER_FEATURES = ["bold", "italic", "h3", "h4", "ol", "ul", "link", "document-link"]


class FaqEntryQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """Published entries only: what citizens, search and the API may see."""
        return self.filter(live=True)

    def for_listing(self):
        """Everything a list of entries shows, in a constant number of queries."""
        return self.select_related("category").prefetch_related("tags")


class FaqEntryTag(TaggedItemBase):
    content_object = ParentalKey("faq.FaqEntry", on_delete=models.CASCADE, related_name="tagged_items")


class FaqEntry(OwnedModelMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """An answer to a frequently asked question (roadmap item 3.3). Its owner unit and review deadline live in
    ownership's record (OwnedModelMixin), so entries show in the review report and the digests."""

    question = models.CharField(_("question"), max_length=500)
    slug = models.SlugField(
        _("address"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_("The last part of the answer's own address; made from the question when left empty."),
    )
    answer = RichTextField(_("answer"), features=ANSWER_FEATURES)
    category = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The rubric of the site this question belongs to."),
    )
    tags = ClusterTaggableManager(through=FaqEntryTag, blank=True)
    view_count = models.PositiveIntegerField(_("views"), default=0, editable=False)
    helpful_yes = models.PositiveIntegerField(_("helpful"), default=0, editable=False)
    helpful_no = models.PositiveIntegerField(_("not helpful"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="faqentry")

    objects = FaqEntryQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        PageChooserPanel("category", page_type=RUBRIC_PAGE_TYPE),
        FieldPanel("tags"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [InlinePanel("related_pages", label=_("page")), InlinePanel("related_documents", label=_("document"))],
            heading=_("See also"),
        ),
        *ownership_panels(),
    ]
    base_form_class = OwnedModelForm

    search_fields = [
        index.SearchField("question", boost=3),
        index.SearchField("answer"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.AutocompleteField("question"),
        index.FilterField("id"),
        index.FilterField("live"),
        index.FilterField("category"),
        index.FilterField("view_count"),
        index.FilterField("last_published_at"),
    ]

    class Meta:
        ordering = ["question"]
        verbose_name = _("FAQ entry")
        verbose_name_plural = _("FAQ entries")
        indexes = [
            models.Index(fields=["live", "-view_count"]),
            models.Index(fields=["live", "-last_published_at"]),
            # The published entries' ids alone: the search's privacy join reads this instead of the whole table
            # (PostgreSQL, 20,000 entries: 13 -> 2 ms a search).
            models.Index(fields=["id"], condition=models.Q(live=True), name="faq_entry_live_ids"),
        ]

    def __str__(self):
        return self.question

    @property
    def revisions(self):
        # Wagtail's revision UI looks revisions up through this property (the GenericRelation keeps deletes clean).
        return self._revisions

    @property
    def anchor(self) -> str:
        """The id of this answer in the FAQ page's list."""
        return f"q-{self.slug}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    def unique_slug(self) -> str:
        base = latin_slug(self.question)
        taken = set(FaqEntry.objects.filter(slug__startswith=base).exclude(pk=self.pk).values_list("slug", flat=True))
        slug, number = base, 2
        while slug in taken or slug in RESERVED_SLUGS:
            slug = f"{base}-{number}"
            number += 1
        return slug

    @property
    def helpful_total(self) -> int:
        return self.helpful_yes + self.helpful_no


class FaqRelatedPage(Orderable):
    entry = ParentalKey(FaqEntry, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")


class FaqRelatedDocument(Orderable):
    entry = ParentalKey(FaqEntry, on_delete=models.CASCADE, related_name="related_documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("related document")
        verbose_name_plural = _("related documents")
