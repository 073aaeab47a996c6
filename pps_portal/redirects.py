"""Links never break: an address that stops answering redirects (301) to where its content went.

One mechanism, one table (`pps_portal.models.Redirect`), for both sources:

* automatic: when the address of a news article, organization, event or
  information page changes (its slug, or a page's place in the tree — the
  page's children included), `record_moves()` stores old → new. Kinds opt
  in with `track(Model)`; pages call `record_moves()` themselves because a
  move rewrites a whole subtree at once;
* by hand: editors add old addresses (the previous site's, a printed
  leaflet's) in admin → *Przekierowania*, through `save_redirect()`.

Rules kept on every write, under one transaction-level lock:

* single hop: no redirect points at another redirect's old address (a
  chain A → B → C is stored as A → C and B → C);
* no loops: a redirect never points back at itself, directly or through
  others (refused for editors, dropped when content moves back);
* a live address wins: the middleware answers only requests that would be
  404, and an address taken again by content loses its redirect;
* off-site only when an editor typed a full http(s) URL; automatic
  redirects always hold paths on this site.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import post_save, pre_save
from django.http import HttpResponsePermanentRedirect
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _

# pg_advisory_xact_lock key: one writer of the redirect table at a time, so
# two saves cannot each make half of a chain.
LOCK_KEY = 0x5050_5230  # "PPR0"
MAX_PATH = 500
# Never redirected, whatever an editor types: admin and files.
RESERVED_PREFIXES = ("/admin/", "/static/", "/media/")


def _lock():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def _redirect_model():
    from pps_portal.models import Redirect

    return Redirect


def _add(old, new, *, automatic):
    Redirect = _redirect_model()
    # Whatever pointed at the old address now points at the new one (single hop)…
    Redirect.objects.filter(target=old).update(target=new)
    # …which may have made a redirect point at itself: content moved back.
    Redirect.objects.filter(old_path=F("target")).delete()
    Redirect.objects.update_or_create(old_path=old, defaults={"target": new, "is_automatic": automatic})


def record_moves(moves):
    """Content moved: each (old path, new path) answers 301 to the new path from now on.

    The new paths are live: a redirect away from one of them is dropped.
    """
    moves = [(old, new) for old, new in moves if old != new]
    if not moves:
        return
    Redirect = _redirect_model()
    with transaction.atomic():
        _lock()
        Redirect.objects.filter(old_path__in=[new for _old, new in moves]).delete()
        for old, new in moves:
            _add(old, new, automatic=True)


def forget(paths):
    """Content now lives at `paths`: no redirect may take people away from them."""
    _redirect_model().objects.filter(old_path__in=list(paths)).delete()


# -- editors' redirects --------------------------------------------------------


def _own_hosts():
    return {host.lstrip(".").lower() for host in settings.ALLOWED_HOSTS if host != "*"}


def normalize_old_path(value):
    """An old address as typed (a path, or a full URL of this or the previous site) → "/path[?query]"."""
    value = (value or "").strip()
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https"):
            raise ValidationError(_("Podaj ścieżkę (/stary-adres/) albo pełny adres http(s)://…"))
        value = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    if not value.startswith("/") or value.startswith("//") or "\\" in value:
        raise ValidationError(_("Stary adres musi zaczynać się od ukośnika, np. /stary-adres/."))
    if any(ch in value for ch in "\x00\r\n\t") or len(value) > MAX_PATH:
        raise ValidationError(_("Ten adres jest nieprawidłowy albo za długi."))
    if value.startswith(RESERVED_PREFIXES):
        raise ValidationError(_("Adresów panelu redakcji i plików nie można przekierować."))
    return value


def normalize_target(value):
    """Where to send people: a path on this site, or a full http(s) URL an editor typed.

    A full URL of this site becomes its path, so it stays on this site
    whatever host the site moves to.
    """
    value = (value or "").strip()
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValidationError(_("Podaj ścieżkę na tej stronie (/informacje/…) albo pełny adres https://…"))
        if (parts.hostname or "").lower() in _own_hosts():
            value = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        else:
            return value
    if not value.startswith("/") or value.startswith("//") or "\\" in value:
        raise ValidationError(_("Podaj ścieżkę na tej stronie zaczynającą się od ukośnika albo pełny adres https://…"))
    if any(ch in value for ch in "\x00\r\n\t"):
        raise ValidationError(_("Ten adres jest nieprawidłowy."))
    return value


def save_redirect(redirect):
    """Save an editor's redirect keeping the rules: single hop, no loops.

    Raises ValidationError (Polish) when it would loop.
    """
    Redirect = _redirect_model()
    with transaction.atomic():
        _lock()
        # Pointing at an address that itself redirects: go straight to the end.
        onward = Redirect.objects.filter(old_path=redirect.target).exclude(pk=redirect.pk).first()
        if onward is not None:
            redirect.target = onward.target
        if redirect.target == redirect.old_path:
            raise ValidationError(
                {"target": _("To przekierowanie prowadziłoby z powrotem pod ten sam adres (pętla).")}
            )
        redirect.is_automatic = False
        redirect.save()
        Redirect.objects.filter(target=redirect.old_path).exclude(pk=redirect.pk).update(target=redirect.target)
        Redirect.objects.filter(old_path=F("target")).delete()
    return redirect


# -- answering requests -------------------------------------------------------


def response_for(request):
    """The 301 for a request that found nothing, if its address moved (one query), else None."""
    path = request.path
    if "\x00" in path or len(path) > MAX_PATH:
        return None
    # Redirects are stored for the Polish (unprefixed) addresses; /uk/… and
    # /en/… of a moved page go to the same page in their own language.
    language = get_language_from_path(path)
    prefix = f"/{language}" if language and language != settings.LANGUAGE_CODE else ""
    path = path.removeprefix(prefix)
    query = request.META.get("QUERY_STRING", "")
    candidates = [path]
    full = f"{path}?{query}" if query else None
    if full and len(full) <= MAX_PATH and "\x00" not in full:
        candidates.insert(0, full)
    found = {r.old_path: r.target for r in _redirect_model().objects.filter(old_path__in=candidates)}
    if full in found:
        target = found[full]
    elif path in found:
        target = found[path]
        # /stary/?page=2 → /nowy/?page=2, unless the target names its own query.
        if query and target.startswith("/") and "?" not in target:
            target = f"{target}?{query}"
    else:
        return None
    if prefix and target.startswith("/"):
        target = prefix + target
    if target == request.get_full_path():
        return None
    return HttpResponsePermanentRedirect(target)


def redirect_fallback_middleware(get_response):
    """Answer a 404 with a 301 when the address moved (GET and HEAD)."""

    def middleware(request):
        response = get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            return response_for(request) or response
        return response

    return middleware


# -- tracking a kind's addresses ----------------------------------------------


def track(model, *, fields=("slug",), urls=None):
    """Keep `model`'s old addresses answering: when a save changes one of
    `fields`, each address from `urls(obj)` (default: get_absolute_url)
    that changed redirects to its new form.

    Objects still in their workflow's initial state (a draft, a pending
    submission) have never been public: their address changes are not kept.
    """
    urls = urls or (lambda obj: [obj.get_absolute_url()])
    workflow = getattr(model, "workflow", None)
    loaded = [*fields, workflow.state_field] if workflow else list(fields)

    def remember(sender, instance, raw=False, **kwargs):
        instance._urls_before_save = []
        if raw or instance.pk is None:
            return
        old = model._base_manager.filter(pk=instance.pk).only(*loaded).first()
        if old is None or (workflow and workflow.state_of(old) == workflow.initial):
            return
        instance._urls_before_save = urls(old)

    def record(sender, instance, created, raw=False, **kwargs):
        if raw:
            return
        old = getattr(instance, "_urls_before_save", [])
        if old:
            record_moves(list(zip(old, urls(instance), strict=True)))
        elif created:
            forget(urls(instance))

    pre_save.connect(remember, sender=model, weak=False, dispatch_uid=f"redirects-remember-{model._meta.label}")
    post_save.connect(record, sender=model, weak=False, dispatch_uid=f"redirects-record-{model._meta.label}")
