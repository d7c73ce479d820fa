from django.urls import path, re_path

from cms.faq import inbox_views, transfer_views

app_name = "faq_admin"
urlpatterns = [
    re_path(r"^export/(?P<file_format>xlsx|csv)/$", transfer_views.export_view, name="export"),
    path("import/", transfer_views.import_view, name="import"),
    path("questions/<int:pk>/to-entry/", inbox_views.question_to_entry, name="question_to_entry"),
]
