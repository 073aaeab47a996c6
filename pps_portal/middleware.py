from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware


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
