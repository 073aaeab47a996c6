"""The sign-language video and its captions: checked from their bytes,
stored under random names, served from our own media (no third-party player)."""

import os
import uuid

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

VIDEO_MAX_MB = 300
CAPTIONS_MAX_BYTES = 1024 * 1024
WEBM_SIGNATURE = b"\x1a\x45\xdf\xa3"


@deconstructible
class random_name:
    """upload_to: "<folder>/<random>.<ext>"; the uploader's name is never used
    (only its extension, already checked against the content)."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        extension = os.path.splitext(filename)[1].lower()
        extension = extension if extension in (".mp4", ".webm", ".vtt") else ""
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other):
        return isinstance(other, random_name) and other.folder == self.folder


def _head(file, size=64):
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def video_type(file):
    """ "video/mp4" or "video/webm" from the file's first bytes, else ""."""
    head = _head(file)
    if head[4:8] == b"ftyp":
        return "video/mp4"
    if head.startswith(WEBM_SIGNATURE) and b"webm" in head:
        return "video/webm"
    return ""


def validate_video(file):
    if file.size > VIDEO_MAX_MB * 1024 * 1024:
        raise ValidationError(
            _("Nagranie jest za duże. Największy dopuszczalny rozmiar to %(max)d MB.") % {"max": VIDEO_MAX_MB}
        )
    if not video_type(file):
        raise ValidationError(_("To nie jest nagranie MP4 ani WebM."))


def validate_captions(file):
    if file.size > CAPTIONS_MAX_BYTES:
        raise ValidationError(_("Plik z napisami jest za duży (największy: 1 MB)."))
    file.seek(0)
    data = file.read()
    file.seek(0)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise ValidationError(_("Plik z napisami musi być zapisany w UTF-8.")) from None
    # WebVTT: the first line is "WEBVTT", alone or followed by a space or tab.
    first_line = text.split("\n", 1)[0].rstrip("\r")
    if not (first_line == "WEBVTT" or first_line.startswith(("WEBVTT ", "WEBVTT\t"))) or "\x00" in text:
        raise ValidationError(_("To nie jest plik napisów WebVTT (pierwszy wiersz to „WEBVTT”)."))
