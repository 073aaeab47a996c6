"""Anonymous visitors' pages from the shared cache; honest HTTP caching headers for everyone.

A GET or HEAD from a visitor without a session is looked up in the shared
cache (one round trip: the content generation and the page) and, on a hit,
answered from it before any other middleware, view, query or template runs.
On a miss the page is rendered as usual and stored when it is *public*:

* the visitor has no session and no cookie we do not know (a session,
  pending messages, anything unknown: never looked up, never stored);
* the page carries no CSRF token (forms), sets no cookie, is not marked
  private or no-store, is a complete 200 response (not streamed).

Variants: HTML pages, and anything else that reads the visitor's
accessibility preferences (font step × contrast:
`pps_portal.a11y.preferences_for`), are stored per preference and sent
with `Vary: Cookie`; feeds, sitemaps and other responses that do not read
them are stored once. Nothing else varies.

Every public response gets a weak ETag (a 304 for a matching
If-None-Match), `Cache-Control: public, no-cache` unless the view chose
otherwise (browsers and CDNs may keep a copy but must revalidate it: a page
can change the moment an editor publishes), and brotli/gzip compression
(pps_portal.compression). Stored entries keep every encoding so a hit never
compresses. Entries are valid while the content generation is the one they
were rendered under and until the next time-based change
(pps_portal.invalidation).
"""

import contextlib
import hashlib
import time

from django.conf import settings
from django.core.cache import cache as shared_cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from pps_portal import compression, invalidation
from pps_portal.a11y import Preferences
from pps_portal.caches import CacheUnavailable

PAGE_KEY = "pages:{digest}:{variant}:{encoding}"
ANY_PREFERENCES = "*"
IDENTITY = "identity"
# Larger responses (a big .ics feed) are served and compressed but not stored.
MAX_STORED_BYTES = 2 * 1024 * 1024
# Headers that depend on the encoding or are set per response.
_PER_RESPONSE_HEADERS = {"content-length", "content-encoding", "x-page-cache"}


def _known_cookies():
    from pps_portal import a11y

    return {
        a11y.FONT_COOKIE,
        a11y.CONTRAST_COOKIE,
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        *settings.PAGE_CACHE_HARMLESS_COOKIES,
    }


def is_anonymous(request):
    """No session, no Authorization, no cookie that could change the page beyond the preferences."""
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return set(request.COOKIES) <= _known_cookies()


def is_public(request, response):
    """A response with nothing in it for one visitor only: cacheable, compressible (no BREACH risk)."""
    if not getattr(request, "page_cache_anonymous", None):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
        return False  # a CSRF token in the page, or a cookie being set
    cache_control = response.get("Cache-Control", "").lower()
    return "private" not in cache_control and "no-store" not in cache_control


def _language(request):
    """The page's language: its address says it (Polish unprefixed, /uk/…, /en/…:
    pps_portal.urls), never the browser's preference or a cookie, so an
    unprefixed page is one entry whoever asks."""
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def _digest(request):
    """The page's identity: scheme, validated host, path with query, language. None for a bad host."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    identity = f"{request.scheme}://{host}{request.get_full_path()}|{_language(request)}"
    return hashlib.blake2b(identity.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


def _variant(request):
    preferences = Preferences.from_cookies(request.COOKIES)
    contrast = "-" if preferences.contrast is None else int(preferences.contrast)
    return f"{preferences.font_step}{contrast}"


def _varies_on_preferences(request, response):
    """Whether the page is stored per preference. Every HTML page is, whatever it read: a template
    that printed the theme some other way than through `a11y` must still never reach another
    visitor. Other responses only when they read the preferences (preferences_for)."""
    if getattr(request, "varies_on_preferences", False):
        return True
    return response.get("Content-Type", "").lower().startswith("text/html")


def _etag(body):
    return f'W/"{hashlib.blake2b(body, digest_size=12).hexdigest()}"'


class PageCacheMiddleware:
    """Place right after SecurityMiddleware and WhiteNoise: a hit skips everything below."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.page_cache_anonymous = is_anonymous(request)
        lookup = self._lookup(request) if self._may_look_up(request) else None
        if isinstance(lookup, HttpResponse):
            return lookup
        response = self.get_response(request)
        return self._finish(request, response, lookup)

    @staticmethod
    def _may_look_up(request):
        return (
            settings.PAGE_CACHE
            and request.method in ("GET", "HEAD")
            and request.page_cache_anonymous
            and request.path_info not in settings.PAGE_CACHE_EXEMPT_PATHS
            # Reads inside a transaction may see uncommitted rows (tests; never a web request).
            and not invalidation.in_transaction()
        )

    def _lookup(self, request):
        """A response for a hit, else what a miss needs to store the page (None: do not store)."""
        digest = _digest(request)
        if digest is None:
            return None
        encoding = compression.accepted_encoding(request) or IDENTITY
        keys = {
            variant: PAGE_KEY.format(digest=digest, variant=variant, encoding=encoding)
            for variant in (_variant(request), ANY_PREFERENCES)
        }
        try:
            found = shared_cache.get_many([invalidation.GENERATION_KEY, invalidation.UNTIL_KEY, *keys.values()])
            now = time.time()
            generation = found.get(invalidation.GENERATION_KEY)
            for key in keys.values():
                entry = found.get(key)
                if entry is not None and generation is not None and entry[0] == generation and now < entry[1]:
                    return self._from_entry(request, entry, encoding)
            # A miss: the generation and its deadline are read before the view reads any content.
            generation, until = invalidation.generation_and_deadline(found)
        except CacheUnavailable:
            return None
        return {"digest": digest, "generation": generation, "until": until}

    @staticmethod
    def _from_entry(request, entry, encoding):
        _generation, _until, status, headers, body, content_encoding = entry
        response = HttpResponse(body, status=status)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(body))
        if content_encoding:
            response["Content-Encoding"] = content_encoding
        response["X-Page-Cache"] = "hit"
        return get_conditional_response(request, etag=response.get("ETag"), response=response)

    def _finish(self, request, response, lookup):
        if not is_public(request, response):
            if not response.has_header("Cache-Control"):
                # Made for this visitor (or carrying a token): no shared cache may keep it.
                patch_cache_control(response, private=True)
            return response
        if _varies_on_preferences(request, response):
            patch_vary_headers(response, ["Cookie"])
        if compression.is_compressible(response):
            patch_vary_headers(response, ["Accept-Encoding"])
        if response.status_code != 200 or response.streaming:
            return compression.compress_response(request, response)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, no_cache=True)
        if not response.has_header("ETag"):
            response["ETag"] = _etag(response.content)
        if lookup is not None and len(response.content) <= MAX_STORED_BYTES:
            self._store(request, response, lookup)
            response["X-Page-Cache"] = "miss"
        conditional = get_conditional_response(request, etag=response["ETag"], response=response)
        if conditional is not response:
            return conditional
        return compression.compress_response(request, response)

    @staticmethod
    def _store(request, response, lookup):
        """Every encoding of the page, under the generation read before the view ran."""
        lifetime = lookup["until"] - time.time()
        if lifetime < 1 or invalidation.in_transaction():
            return  # a time-based change is (almost) here, or the page may show uncommitted rows
        variant = _variant(request) if _varies_on_preferences(request, response) else ANY_PREFERENCES
        headers = tuple((name, value) for name, value in response.items() if name.lower() not in _PER_RESPONSE_HEADERS)
        # Stored under each encoding a client may ask for; small or binary bodies uncompressed under all.
        compress = compression.is_compressible(response) and len(response.content) >= compression.MIN_SIZE
        bodies = {IDENTITY: (response.content, None)}
        for encoding in compression.ENCODINGS:
            bodies[encoding] = (
                (compression.compress(response.content, encoding), encoding) if compress else bodies[IDENTITY]
            )
        entries = {
            PAGE_KEY.format(digest=lookup["digest"], variant=variant, encoding=encoding): (
                lookup["generation"],
                lookup["until"],
                response.status_code,
                headers,
                body,
                content_encoding,
            )
            for encoding, (body, content_encoding) in bodies.items()
        }
        with contextlib.suppress(CacheUnavailable):
            shared_cache.set_many(entries, timeout=int(lifetime) + 1)
