"""Uploads through the editors' form: real images only, no EXIF, renditions once."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from news.models import News
from pps_portal.images import MAX_UPLOAD_BYTES, rendition_names
from tests.admin_forms import DOCUMENTS_INLINE
from tests.news.factories import CategoryFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def jpeg_with_gps(width=1600, height=900):
    exif = Image.Exif()
    exif[0x010F] = "Aparat Testowy"  # Make
    exif[GPS_IFD] = {1: "N", 2: (50.0, 48.0, 36.0), 3: "E", 4: (19.0, 7.0, 12.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def post_article(client, upload, **extra):
    category = CategoryFactory()
    data = {
        "title": "Artykuł ze zdjęciem",
        "slug": "artykul-ze-zdjeciem",
        "lead": "Zajawka.",
        "body": "<p>Treść</p>",
        "image": upload,
        "image_alt": "Czerwony prostokąt",
        "status": "published",
        "published_at_0": timezone.localtime().strftime("%d.%m.%Y"),
        "published_at_1": "08:00:00",
        "category": category.pk,
        **DOCUMENTS_INLINE,
        **extra,
    }
    return client.post("/admin/news/news/add/", data)


def test_gps_exif_is_gone_from_stored_file_and_renditions_exist(editor_client):
    assert b"Exif" in jpeg_with_gps()  # the upload really carries EXIF
    response = post_article(editor_client, SimpleUploadedFile("foto.jpg", jpeg_with_gps(), "image/jpeg"))
    assert response.status_code == 302, response.content.decode()[:2000]
    news = News.objects.get()
    with Image.open(news.image.path) as stored:
        assert (dict(stored.getexif()), "exif" in stored.info) == ({}, False)
    storage_names = [n for _w, webp, fallback in rendition_names(news.image.name, 1600) for n in (webp, fallback)]
    assert [name for name in storage_names if not os.path.exists(news.image.storage.path(name))] == []


def test_text_file_renamed_jpg_is_refused_with_polish_error(editor_client):
    response = post_article(editor_client, SimpleUploadedFile("zdjecie.jpg", b"To nie jest obraz.", "image/jpeg"))
    assert response.status_code == 200
    assert "Ten plik nie jest obrazem" in response.content.decode()
    assert News.objects.count() == 0


def test_decompression_bomb_is_refused_with_polish_error(editor_client):
    buffer = io.BytesIO()
    Image.new("1", (10_000, 9_000)).save(buffer, "PNG")  # 90 megapixels, a few kB
    response = post_article(editor_client, SimpleUploadedFile("bomba.png", buffer.getvalue(), "image/png"))
    assert "Obraz ma zbyt wiele pikseli" in response.content.decode()
    assert News.objects.count() == 0


def test_oversized_file_is_refused_with_polish_error(editor_client):
    big = SimpleUploadedFile("duze.jpg", jpeg_with_gps(64, 64) + b"\0" * MAX_UPLOAD_BYTES, "image/jpeg")
    response = post_article(editor_client, big)
    assert "Plik jest za duży" in response.content.decode()
    assert News.objects.count() == 0


def test_missing_alt_text_is_refused_with_polish_error(editor_client):
    response = post_article(editor_client, SimpleUploadedFile("foto.jpg", jpeg_with_gps(), "image/jpeg"), image_alt="")
    assert "Podaj tekst alternatywny dla zdjęcia." in response.content.decode()


def test_editor_upload_in_rich_text_is_reencoded_without_exif(editor_client):
    response = editor_client.post(
        "/ckeditor5/image_upload/", {"upload": SimpleUploadedFile("w-tresci.jpg", jpeg_with_gps(), "image/jpeg")}
    )
    url = response.json()["url"]
    path = url.removeprefix("/media/")
    from django.core.files.storage import default_storage

    with Image.open(default_storage.path(path)) as stored:
        assert dict(stored.getexif()) == {}


def test_rich_text_upload_is_refused_for_anonymous_users(client):
    response = client.post(
        "/ckeditor5/image_upload/", {"upload": SimpleUploadedFile("a.jpg", jpeg_with_gps(), "image/jpeg")}
    )
    assert response.status_code == 403


def test_an_article_whose_picture_file_is_gone_still_opens_without_it(client, site_settings):
    """A row without stored sizes whose file is missing (media not restored with the database)."""
    from django.core.files.base import ContentFile

    from tests.news.factories import NewsFactory

    article = NewsFactory(title="Artykuł bez pliku", image_alt="Zdjęcie z pikniku")
    article.image.save("piknik.jpg", ContentFile(jpeg_with_gps(800, 600)))
    img_src = f'src="{article.image.url}"'
    os.remove(article.image.path)
    News.objects.filter(pk=article.pk).update(image_width=None, image_height=None)
    detail, listing = client.get(article.get_absolute_url()), client.get("/aktualnosci/")
    assert (detail.status_code, listing.status_code) == (200, 200)
    html = detail.content.decode()
    assert ("Artykuł bez pliku" in html, img_src in html) == (True, False)
    # Left out everywhere: no empty figure, no Open Graph picture without its size, no structured-data image.
    for absent in ['class="article__image"', 'property="og:image', '"image":', 'content="None"']:
        assert absent not in html, absent
    assert 'class="card__image"' not in listing.content.decode()
