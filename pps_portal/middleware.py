from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.utils.functional import SimpleLazyObject

from pps_portal.models import SiteSettings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The site's strict CSP, relaxed only for inline styles inside /admin/.

    CKEditor 5 and parts of Django admin set style attributes; the public
    site has no inline style or script at all.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.update is None and request.path_info.startswith("/admin/"):
            parts.update = {"style-src": [UNSAFE_INLINE]}
        return parts


def site_settings_middleware(get_response):
    """`request.site`: the SiteSettings row, loaded at most once per request
    and only if something (a template, a view, a feed) reads it."""

    def middleware(request):
        request.site = SimpleLazyObject(SiteSettings.load)
        return get_response(request)

    return middleware
