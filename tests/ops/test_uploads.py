"""Uploads through the admin are checked: image type, size and pixels; document extensions."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories import UserFactory


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="admin-upload", is_superuser=True, is_staff=True))
    return client


def image_bytes(size=(60, 40), image_format="PNG", mode="RGB") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, size).save(buffer, image_format)
    return buffer.getvalue()


def upload_image(client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content)
    return client.post("/admin/images/add/", {"title": "가족 사진", "file": upload})


def upload_document(client, name: str, content: bytes):
    upload = SimpleUploadedFile(name, content)
    return client.post("/admin/documents/add/", {"title": "교육 자료", "file": upload})


def test_a_normal_photo_is_accepted(admin_client):
    response = upload_image(admin_client, "family.jpg", image_bytes(image_format="JPEG"))

    assert response.status_code == 302
    assert get_image_model().objects.filter(title="가족 사진").exists()


@pytest.mark.parametrize(
    ("name", "content", "error_code"),
    [
        (
            "drawing.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"></svg>',
            "invalid_image_extension",
        ),
        ("photo.bmp", image_bytes(image_format="BMP"), "invalid_image_extension"),
        # A file whose contents are not what its extension claims.
        ("photo.jpg", image_bytes(image_format="PNG"), "invalid_image_known_format"),
        # 10 MB is the limit; a valid PNG padded past it.
        ("large.png", image_bytes() + b"\0" * (10 * 1024 * 1024), "file_too_large"),
        # 40 megapixels is the limit (a plain 7000 x 6000 picture compresses to little).
        ("huge.png", image_bytes(size=(7000, 6000), mode="1"), "file_too_many_pixels"),
    ],
)
def test_images_outside_the_limits_are_refused(admin_client, name, content, error_code):
    response = upload_image(admin_client, name, content)

    assert response.status_code == 200
    form = response.context["form"]
    assert error_code in [error.code for error in form.errors.as_data()["file"]]
    assert not get_image_model().objects.exists()


def test_a_pdf_document_is_accepted(admin_client):
    response = upload_document(admin_client, "보고서.pdf", b"%PDF-1.4\n%%EOF\n")

    assert response.status_code == 302
    assert get_document_model().objects.filter(title="교육 자료").exists()


@pytest.mark.parametrize("name", ["setup.exe", "page.html", "script.js", "macro.docm"])
def test_documents_with_other_extensions_are_refused(admin_client, name):
    response = upload_document(admin_client, name, b"MZ not a document")

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not get_document_model().objects.exists()


def test_documents_over_the_size_limit_are_refused(admin_client):
    response = upload_document(admin_client, "big.pdf", b"%PDF-1.4\n" + b"0" * (20 * 1024 * 1024))

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not get_document_model().objects.exists()
