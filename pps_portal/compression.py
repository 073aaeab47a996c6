"""Compressed public responses: brotli or gzip, as the client accepts.

BREACH recovers a secret from the size of compressed responses that also
reflect attacker-chosen text. It needs the secret in the body, so the rule
here is simple: only responses that carry no secret are compressed — the
page cache's "public" responses (pps_portal.page_cache): for a visitor
without a session, with no CSRF token in the page, setting no cookie. Forms
with a CSRF token, admin pages and anything for a logged-in editor go out
uncompressed. Static files are compressed ahead of time (whitenoise writes
.br and .gz beside each collected file).
"""

import gzip

import brotli
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_sequence

# Brotli quality 5 and gzip level 6: each compresses a 40 kB page in about a
# millisecond; higher settings cost several times more for a few per cent.
BROTLI_QUALITY = 5
GZIP_LEVEL = 6
# Below this the headers cost more than compression saves.
MIN_SIZE = 256
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/ld+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "image/svg+xml",
)
ENCODINGS = ("br", "gzip")


def is_compressible(response):
    content_type = response.get("Content-Type", "").lower()
    return not response.has_header("Content-Encoding") and content_type.startswith(COMPRESSIBLE_TYPES)


def accepted_encoding(request, offered=ENCODINGS):
    """The first of `offered` that the request's Accept-Encoding allows (q > 0), or None."""
    accepted = {}
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").lower().split(","):
        coding, _sep, params = part.partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        accepted[coding.strip()] = quality
    for coding in offered:
        if accepted.get(coding, accepted.get("*", 0.0)) > 0:
            return coding
    return None


def compress(body, encoding):
    if encoding == "br":
        return brotli.compress(body, quality=BROTLI_QUALITY)
    # mtime=0: the same page always compresses to the same bytes.
    return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)


def compress_response(request, response):
    """Compress a public response in place for this client (brotli or gzip) when worth it."""
    if not is_compressible(response):
        return response
    patch_vary_headers(response, ["Accept-Encoding"])
    if response.streaming:
        # Streamed exports: gzip as they go (brotli has no streaming API in Django's helpers).
        if accepted_encoding(request, offered=("gzip",)):
            response.streaming_content = compress_sequence(response.streaming_content)
            del response["Content-Length"]
            response["Content-Encoding"] = "gzip"
        return response
    encoding = accepted_encoding(request)
    if encoding is None or len(response.content) < MIN_SIZE:
        return response
    compressed = compress(response.content, encoding)
    if len(compressed) >= len(response.content):
        return response
    response.content = compressed
    response["Content-Length"] = str(len(compressed))
    response["Content-Encoding"] = encoding
    return response
