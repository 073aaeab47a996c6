from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import add_never_cache_headers
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


def request_size_limit_middleware(get_response):
    """Refuse an oversized request body from its Content-Length, before
    anything (CSRF, a form, admin, django-axes) reads or spools it.

    Every path and method: a multipart body (a file upload) may be up to
    MAX_REQUEST_BYTES, any other body up to DATA_UPLOAD_MAX_MEMORY_SIZE
    (what Django would hold in memory anyway). A body sent without a
    Content-Length (chunked) is not read by Django at all.
    """

    def middleware(request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if request.content_type == "multipart/form-data":
            limit = settings.MAX_REQUEST_BYTES
        else:
            limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or settings.MAX_REQUEST_BYTES
        if length > limit:
            template = loader.get_template("413.html")
            return HttpResponse(template.render({}, request), status=413)
        return get_response(request)

    return middleware


def response_headers_middleware(get_response):
    """Headers every response gets (static files too: this sits above WhiteNoise).

    * Permissions-Policy and Cross-Origin-Resource-Policy from settings;
    * `Cache-Control: no-store, private` on anything made for one person:
      a response that sets a cookie (every form page sets the CSRF cookie
      with its token) or one rendered for a logged-in user (staff previews
      of unpublished content, admin), so neither a browser's disk cache nor
      a shared cache keeps it.
    """
    policy = ", ".join(f"{feature}=({' '.join(allowed)})" for feature, allowed in settings.PERMISSIONS_POLICY.items())

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", policy)
        response.headers.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        if _made_for_one_person(request, response):
            add_never_cache_headers(response)
        return response

    return middleware


def _made_for_one_person(request, response):
    if response.cookies:
        return True
    user = getattr(request, "user", None)  # absent when WhiteNoise answered
    return user is not None and user.is_authenticated
