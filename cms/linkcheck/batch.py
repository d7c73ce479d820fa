"""Speed-ups for rendering many pages in one go, contributed by the apps that own what is rendered.

The link checker renders every page of the site in-process. Things a citizen's request loads once (the main menu,
the breadcrumb ancestors, rich-text page links) would be loaded again for every page. Each app that can share such
work in a batch registers a Wagtail hook:

    @hooks.register("batch_render")
    def share_my_things(pages):  # the (specific) pages about to be rendered
        return a_context_manager()  # while it is active, this app reuses what one render loaded

`batch_render(pages)` enters every registered context manager around the batch, so the link checker needs to know
none of those apps (cms.pages registers its shared navigation; this app its rich-text page links).
"""

from contextlib import ExitStack, contextmanager

from wagtail import hooks

HOOK = "batch_render"


@contextmanager
def batch_render(pages):
    with ExitStack() as stack:
        for register in hooks.get_hooks(HOOK):
            stack.enter_context(register(pages))
        yield
