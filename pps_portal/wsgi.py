import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pps_portal.settings")

application = get_wsgi_application()

# New code: pages cached from the previous version are dropped on every
# server (pps_portal.invalidation). Never raises.
from pps_portal.invalidation import server_started  # noqa: E402

server_started()
