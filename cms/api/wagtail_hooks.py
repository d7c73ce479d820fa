from wagtail import hooks

from .units import ResponsibleUnitViewSet


@hooks.register("register_api_endpoints")
def api_endpoints():
    return [("units", ResponsibleUnitViewSet)]
