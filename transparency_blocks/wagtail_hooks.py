from wagtail import hooks

from .rich_text import LabelledDocumentLinkHandler


@hooks.register("register_rich_text_features", order=10)  # after Wagtail's own «document» link type
def register_labelled_document_links(features):
    features.register_link_type(LabelledDocumentLinkHandler)
