from .sample import urlpatterns_with_inbox

urlpatterns = urlpatterns_with_inbox()
