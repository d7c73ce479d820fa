from wagtail.snippets.models import register_snippet

from .views import ResponsibleUnitViewSet

register_snippet(ResponsibleUnitViewSet)
