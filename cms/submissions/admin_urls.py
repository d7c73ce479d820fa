from django.urls import path

from . import views

urlpatterns = [
    path(
        "attachment/<str:app_label>/<str:model_name>/<int:pk>/",
        views.attachment,
        name="submissions_attachment",
    ),
]
