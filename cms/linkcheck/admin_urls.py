from django.urls import path

from .views import LinkReportView

app_name = "linkcheck"

urlpatterns = [
    path("report/", LinkReportView.as_view(), name="report"),
    path("report/results/", LinkReportView.as_view(results_only=True), name="report_results"),
]
