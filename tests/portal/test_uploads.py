"""Every upload field of every model, found from the models themselves.

A stored upload gets a name nobody chooses, so two uploads (whatever their
file names) never touch each other's files, and deleting one leaves the
other whole.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.discovery import upload_fields

pytestmark = pytest.mark.django_db

UPLOAD_FIELDS = upload_fields()
# Image fields that store their dimensions (templates print them, renditions follow them).
IMAGE_FIELDS = [(model, field) for model, field in UPLOAD_FIELDS if getattr(field, "width_field", None)]


def test_the_project_has_upload_fields_to_check():
    assert len(UPLOAD_FIELDS) >= 5


def picture(name, colour, size=(900, 600)):
    """A real JPEG or PNG (by the name's extension) of one colour."""
    image_format = "PNG" if name.endswith(".png") else "JPEG"
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), f"image/{image_format.lower()}")


def files_under(root):
    """{relative path: bytes} of every file below a storage's root."""
    root = Path(root)
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def store(model, field, upload):
    """Save an upload through the model field, as forms and admin do; return the instance."""
    instance = model()
    getattr(instance, field.attname).save(upload.name, upload, save=False)
    return instance


@pytest.mark.parametrize(
    ("model", "field"), UPLOAD_FIELDS, ids=[f"{m._meta.label}.{f.name}" for m, f in UPLOAD_FIELDS]
)
def test_uploads_with_colliding_names_never_touch_each_others_files(model, field):
    root = field.storage.location
    before = files_under(root)
    first = store(model, field, picture("zdjecie.jpg", (200, 20, 20)))
    first_files = {k: v for k, v in files_under(root).items() if k not in before}
    # The same file name again, and names shaped like each of the first
    # upload's stored files (its renditions included), as JPEG and as PNG.
    stems = {os.path.splitext(os.path.basename(path))[0] for path in first_files} | {"zdjecie"}
    for stem in sorted(stems):
        for extension in (".jpg", ".png"):
            store(model, field, picture(stem + extension, (20, 20, 200)))
    after = files_under(root)
    assert [path for path, data in first_files.items() if after.get(path) != data] == []
    assert "zdjecie" not in getattr(first, field.attname).name


@pytest.mark.parametrize(
    ("model", "field"), UPLOAD_FIELDS, ids=[f"{m._meta.label}.{f.name}" for m, f in UPLOAD_FIELDS]
)
def test_deleting_an_upload_leaves_another_with_the_same_file_name_whole(model, field):
    root = field.storage.location
    before = files_under(root)
    first = store(model, field, picture("logo.png", (200, 20, 20)))
    first_files = set(files_under(root)) - set(before)
    second = store(model, field, picture("logo.png", (20, 200, 20)))
    second_files = {k: v for k, v in files_under(root).items() if k not in before and k not in first_files}
    getattr(first, field.attname).delete(save=False)
    after = files_under(root)
    assert sorted(first_files & set(after)) == []
    assert [path for path, data in second_files.items() if after.get(path) != data] == []
    assert getattr(second, field.attname).name in second_files


@pytest.mark.parametrize(("model", "field"), IMAGE_FIELDS, ids=[f"{m._meta.label}.{f.name}" for m, f in IMAGE_FIELDS])
def test_stored_dimensions_are_those_of_the_stored_picture(model, field):
    """Templates print width/height and the renditions from these fields."""
    instance = store(model, field, picture("duze.jpg", (20, 120, 20), size=(3000, 2000)))
    assert (getattr(instance, field.width_field), getattr(instance, field.height_field)) == (2400, 1600)
