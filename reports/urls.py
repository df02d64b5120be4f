from django.urls import path

from .views import dashboards, exports, home, targets

app_name = "reports"
urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("dashboards/", dashboards.dashboard, name="dashboard"),
    path("dashboards/export.<slug:file_format>", exports.export, name="dashboard_export"),
    path("dashboards/goals/<int:number>/", dashboards.goal_detail, name="goal_detail"),
    path("dashboards/goals/<int:number>/export.<slug:file_format>", exports.export, name="goal_export"),
    path("dashboards/objectives/<str:code>/", dashboards.objective_detail, name="objective_detail"),
    path("dashboards/objectives/<str:code>/export.<slug:file_format>", exports.export, name="objective_export"),
    path("dashboards/refresh/", dashboards.refresh, name="refresh"),
    path("dashboards/runs/<int:pk>/", dashboards.run_progress, name="run_progress"),
    path("dashboards/targets/", targets.target_list, name="target_list"),
    path("dashboards/report/", exports.printable_report, name="report"),
]
