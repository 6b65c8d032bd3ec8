from django.urls import path

from . import views

app_name = "report_print"
urlpatterns = [
    path("<int:edition_id>/", views.print_status, name="status"),
    path("<int:edition_id>/proof/", views.proof, name="proof"),
    path("<int:edition_id>/distribution/", views.distribution, name="distribution"),
    path("<int:edition_id>/packing-list/", views.packing_list, name="packing_list"),
]
