from wagtail import hooks
from wagtail.snippets.models import register_snippet

from cms.faq import demo
from cms.faq.admin_views import FaqEntryViewSet

register_snippet(FaqEntryViewSet)
hooks.register("bootstrap_demo_content", demo.fill)
