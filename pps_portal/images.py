"""Uploaded images, done once and done right.

Every image field of the portal is a `SafeImageField`:

* the form field accepts only real JPEG, PNG or WebP files that Pillow can
  open, under a byte-size and a pixel-count limit (a decompression bomb is
  refused from its header, before any pixel is decoded), with Polish errors;
* on save the original is re-encoded (EXIF and GPS dropped, orientation
  applied, colour converted to sRGB-ish RGB) and a few narrower renditions are
  written beside it, WebP plus a JPEG/PNG fallback, once — never per request;
* templates print a <picture> with srcset, sizes, width and height through
  `{% responsive_image %}` (pps_portal.templatetags.images), computing the
  rendition names from the stored width alone, without touching storage.
"""

import io
import logging
import os
import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # 40 megapixels: any real photo; far below a bomb
MAX_SIDE = 2400  # the stored original is scaled down to this
RENDITION_WIDTHS = (400, 800, 1200)
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
JPEG_QUALITY = 85
WEBP_QUALITY = 80

# Pillow's own guard is a warning below 2x its limit; make it an error at ours.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def open_checked(file):
    """Open an upload with Pillow and check it; return (image, format).

    Raises ValidationError with a message for the person who uploaded it.
    """
    size = getattr(file, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Plik jest za duży (%(size)s MB). Największy dopuszczalny rozmiar to %(max)s MB."),
            code="file_too_large",
            params={"size": f"{size / 1024 / 1024:.1f}".replace(".", ","), "max": MAX_UPLOAD_BYTES // 1024 // 1024},
        )
    if hasattr(file, "seek"):
        file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file)
            image_format = image.format
            width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_too_many_pixels_message(), code="too_many_pixels") from None
    except Exception:  # Pillow raises many kinds of errors for non-images
        raise ValidationError(
            _("Ten plik nie jest obrazem. Wybierz zdjęcie w formacie JPEG, PNG lub WebP."), code="not_an_image"
        ) from None
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Nieobsługiwany format obrazu. Wybierz zdjęcie w formacie JPEG, PNG lub WebP."), code="bad_format"
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(_too_many_pixels_message(), code="too_many_pixels")
    try:
        # Decode fully now, so a truncated or corrupt file fails here with a
        # clear message instead of later while saving.
        image.load()
    except Exception:
        raise ValidationError(
            _("Nie udało się odczytać obrazu — plik jest uszkodzony. Wybierz inny plik."), code="corrupt"
        ) from None
    return image, image_format


def _too_many_pixels_message():
    return _(
        "Obraz ma zbyt wiele pikseli (największy dopuszczalny to %(mp)s megapikseli). Zmniejsz go i spróbuj ponownie."
    ) % {"mp": MAX_PIXELS // 1_000_000}


def _prepared(image):
    """Orientation applied, metadata dropped, at most MAX_SIDE wide/high."""
    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info)
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # A new image carries no EXIF, XMP or ICC blocks from the upload.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return clean


def _encode(image, image_format):
    buffer = io.BytesIO()
    if image_format == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    elif image_format == "PNG":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=4)
    return buffer.getvalue()


def fallback_format(image_format):
    """The non-WebP format renditions fall back to (PNG keeps transparency)."""
    return "PNG" if image_format == "PNG" else "JPEG"


def rendition_widths(original_width):
    """Widths of the renditions made for an image of this width."""
    if not original_width:
        return []
    return [w for w in RENDITION_WIDTHS if w < original_width]


def rendition_name(name, width, extension):
    base, _ext = os.path.splitext(name)
    return f"{base}-{width}w.{extension}"


def _fallback_extension(name):
    return "png" if name.lower().endswith(".png") else "jpg"


def rendition_names(name, original_width):
    """[(width, webp_name, fallback_name)] for a stored original, narrowest first.

    The full-width fallback is the stored original itself.
    """
    fallback_ext = _fallback_extension(name)
    names = [
        (w, rendition_name(name, w, "webp"), rendition_name(name, w, fallback_ext))
        for w in rendition_widths(original_width)
    ]
    if original_width:
        names.append((original_width, os.path.splitext(name)[0] + ".webp", name))
    return names


def reencoded(file):
    """Check an upload and re-encode it: (prepared image, stored format, new
    name, encoded bytes).

    The name is random, never the uploader's: nobody can choose (or guess)
    the name of a stored picture, so an upload can never land on, or beside,
    another record's files. Renditions are named after it (rendition_names),
    so they belong to exactly one original.
    """
    image, image_format = open_checked(file)
    image = _prepared(image)
    stored_format = fallback_format(image_format)
    extension = "png" if stored_format == "PNG" else "jpg"
    return image, stored_format, f"{uuid.uuid4().hex}.{extension}", _encode(image, stored_format)


class SafeImageFieldFile(models.fields.files.ImageFieldFile):
    def save(self, name, content, save=True):
        """Re-encode the upload, store it under a random name, then write its
        renditions once. `name` (the uploader's file name) is not used."""
        image, stored_format, new_name, data = reencoded(content)
        # A named ContentFile: Django reads the stored width and height from it.
        super().save(new_name, ContentFile(data, name=new_name), save=False)
        self._write_renditions(image, stored_format)
        if save:
            self.instance.save()

    save.alters_data = True

    def _write_renditions(self, image, stored_format):
        # Named after this original's fresh random name: no other file can
        # have these names, so nothing existing is ever replaced or deleted.
        for width, webp_name, fallback_name in rendition_names(self.name, image.width):
            resized = image
            if width < image.width:
                resized = image.resize((width, round(image.height * width / image.width)), Image.Resampling.LANCZOS)
                self.storage.save(fallback_name, ContentFile(_encode(resized, stored_format)))
            self.storage.save(webp_name, ContentFile(_encode(resized, "WEBP")))

    def stored_names(self):
        """The original and every rendition made from it."""
        if not self.name:
            return []
        width = getattr(self.instance, self.field.width_field or "", None) or 0
        names = {self.name}
        for _width, webp_name, fallback_name in rendition_names(self.name, width):
            names |= {webp_name, fallback_name}
        return sorted(names)

    def delete(self, save=True):
        """Delete the original and every rendition made from it."""
        for name in self.stored_names():
            if name != self.name:
                self.storage.delete(name)
        super().delete(save=save)

    delete.alters_data = True

    def discard(self):
        """Empty the field now and delete its files once the transaction commits.

        A rollback then keeps both the reference and the files.
        """
        storage, names = self.storage, self.stored_names()
        transaction.on_commit(lambda: [storage.delete(name) for name in names])
        setattr(self.instance, self.field.attname, "")

    discard.alters_data = True


class SafeImageFormField(forms.ImageField):
    default_error_messages = {
        "invalid_image": _("Ten plik nie jest obrazem. Wybierz zdjęcie w formacie JPEG, PNG lub WebP."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("JPEG, PNG lub WebP, do %(mb)s MB. Dane EXIF (np. położenie GPS) zostaną usunięte.")
            % {"mb": MAX_UPLOAD_BYTES // 1024 // 1024},
        )
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("accept", "image/jpeg,image/png,image/webp")

    def to_python(self, data):
        file = forms.FileField.to_python(self, data)
        if file is None:
            return None
        image, image_format = open_checked(file)
        file.image = image
        file.content_type = Image.MIME.get(image_format)
        file.seek(0)
        return file


class SafeImageField(models.ImageField):
    """An ImageField whose uploads are checked, re-encoded and rendered once.

    Pass width_field/height_field so templates never open the file.
    """

    attr_class = SafeImageFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        """Django measures an image whose row lacks its width and height by
        opening the file, whenever the row is loaded. A file that is not there
        (media not copied with a database restore, another server's folder)
        must not take the page down: the row is loaded without sizes, and
        templates then leave the picture out."""
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except FileNotFoundError:
            logger.warning(
                "%s %s: image file %s is missing",
                type(instance).__name__,
                instance.pk,
                instance.__dict__.get(self.attname),
            )


def store_reencoded(file, directory, storage=None):
    """Check and re-encode an upload (e.g. an image inside rich text) and
    store it under `directory`; returns the stored name."""
    from django.core.files.storage import default_storage

    storage = storage or default_storage
    _image, _format, name, data = reencoded(file)
    return storage.save(f"{directory}/{name}", ContentFile(data))
