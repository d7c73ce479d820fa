from django.urls import path

from cms.ownership.views.report import ReviewReportView
from cms.ownership.views.review import mark_reviewed_view
from cms.ownership.views.units import reassign_unit_view

app_name = "ownership"

urlpatterns = [
    path("review-deadlines/", ReviewReportView.as_view(), name="review_report"),
    path("review-deadlines/results/", ReviewReportView.as_view(results_only=True), name="review_report_results"),
    path("records/<int:record_id>/mark-reviewed/", mark_reviewed_view, name="mark_reviewed"),
    path("units/<int:unit_id>/reassign/", reassign_unit_view, name="reassign_unit"),
]
