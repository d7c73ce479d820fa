from django.urls import path

from cms.declarations.views.admin import import_view

app_name = "declarations_admin"
urlpatterns = [path("import-indicators/", import_view, name="import_indicators")]
