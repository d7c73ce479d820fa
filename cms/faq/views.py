"""Citizen views of the FAQ page's routes (the page model only routes; the work is here)."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.faq import feedback, listing
from cms.submissions.services import handle_submission, pop_receipt
from transparency_blocks.blocks.file_labels import document_label


def faq_ask_response(page, request):
    """«Задать вопрос»: the submissions mechanism (CSRF, honeypot, rate limit, receipt) with the FAQ's form."""
    from cms.faq.questions import SCOPE, FaqQuestionForm

    outcome = handle_submission(request, FaqQuestionForm, scope=SCOPE, form_kwargs={"faq_page": page})
    if outcome.redirect:
        return outcome.redirect
    context = page.get_context(request)
    context.update(
        {"form": outcome.form, "receipt": pop_receipt(request, SCOPE), "faq_base_url": page.get_url(request)}
    )
    return TemplateResponse(request, "faq/ask.html", context, status=outcome.status)


def faq_list_context(page, request) -> dict:
    query = listing.FaqQuery.from_params(request.GET)
    results = listing.find_entries(query)
    result_page = listing.paginate(results, query.page)
    base_url = page.get_url(request)
    categories = listing.category_counts()
    return {
        "query": query,
        "entries": result_page.object_list,
        "page_obj": result_page,
        "categories": categories,
        "category_titles": dict((pk, title) for pk, title, _count in categories),
        "tags": listing.tag_counts(),
        "order_choices": listing.SEARCH_ORDER_CHOICES if query.text else listing.ORDER_CHOICES,
        "grouped": query.order == listing.ORDER_CATEGORY,
        "faq_base_url": base_url,
        "ask_url": f"{base_url}ask/",
        "json_ld": listing.faq_json_ld(
            result_page.object_list, lambda e: request.build_absolute_uri(f"{base_url}{e.slug}/")
        ),
    }


def faq_entry_response(page, request, slug):
    entry = page.entry_or_404(slug)
    if request.method == "GET":
        feedback.count_view(entry)
    url = page.entry_url(entry, request)
    context = page.get_context(request)
    context.update(
        {
            "entry": entry,
            "faq_base_url": page.get_url(request),
            "ask_url": page.get_url(request) + "ask/",
            "related_pages": public_related_pages(entry),
            "related_documents": [
                (link.document, document_label(link.document))
                for link in entry.related_documents.select_related("document")
            ],
            "voted": feedback.has_voted(request, entry),
            "json_ld": listing.faq_json_ld([entry], lambda e: request.build_absolute_uri(url)),
        }
    )
    return TemplateResponse(request, "faq/faq_entry.html", context)


def public_related_pages(entry):
    """The entry's «see also» pages that a citizen may open (live, without view restrictions), in order."""
    ids = list(entry.related_pages.values_list("page_id", flat=True))
    pages = Page.objects.live().public().in_bulk(ids)
    return [pages[pk] for pk in ids if pk in pages]


def faq_vote_response(page, request, slug):
    entry = page.entry_or_404(slug)
    answer = request.POST.get("helpful")
    response = HttpResponseRedirect(page.entry_url(entry, request) + "#feedback", status=303)
    if answer not in ("yes", "no"):
        messages.error(request, _("Choose «Yes» or «No»."))
        return response
    if feedback.record_vote(request, response, entry, helpful=answer == "yes"):
        messages.success(request, _("Thank you! Your answer helps us improve this page."))
    else:
        messages.info(request, _("You have already rated this answer."))
    return response
