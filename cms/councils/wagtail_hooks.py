from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .views_admin import CouncilsViewSetGroup

register_snippet(CouncilsViewSetGroup)


@hooks.register("bootstrap_demo_content")
def fill_demo_councils(pages):
    from .demo import fill

    return fill(pages)


@hooks.register("register_api_endpoints")
def council_api_endpoints():
    from .api import ENDPOINTS

    return ENDPOINTS


@hooks.register("page_cache_boundaries")
def meetings_move_to_past(now):
    from .queries import next_meeting_move

    return next_meeting_move(now)
