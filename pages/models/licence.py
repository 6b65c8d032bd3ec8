"""The 공공누리 licence of each image and document in the library.

A small model beside Wagtail's own image and document models rather than custom ones: the
project already has images, documents and renditions in stock tables (renditions, the API's
bulk loading, print), and swapping WAGTAILIMAGES_IMAGE_MODEL mid-project means migrating all
of them; a one-to-one row keyed to the image or document adds the licence without that.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.documents import get_document_model_string
from wagtail.images import get_image_model_string

from pages.licences import KoglType


class MediaLicence(models.Model):
    licence = models.CharField("공공누리 유형", max_length=10, choices=KoglType.choices)
    source = models.CharField(
        "출처", max_length=255, blank=True, help_text="예: 서울시 가족담당관, 촬영 ○○○"
    )

    panels = [FieldPanel("licence"), FieldPanel("source")]

    class Meta:
        abstract = True


class ImageLicence(MediaLicence):
    """The 공공누리 type (and source to credit) of one image of the library."""

    image = models.OneToOneField(
        get_image_model_string(),
        verbose_name="이미지",
        on_delete=models.CASCADE,
        related_name="kogl_licence",
    )

    panels = [FieldPanel("image"), *MediaLicence.panels]

    class Meta:
        verbose_name = "이미지 공공누리"
        verbose_name_plural = "이미지 공공누리"

    def __str__(self) -> str:
        return f"{self.image.title}: {self.get_licence_display()}"


class DocumentLicence(MediaLicence):
    """The 공공누리 type (and source to credit) of one document of the library."""

    document = models.OneToOneField(
        get_document_model_string(),
        verbose_name="문서",
        on_delete=models.CASCADE,
        related_name="kogl_licence",
    )

    panels = [FieldPanel("document"), *MediaLicence.panels]

    class Meta:
        verbose_name = "문서 공공누리"
        verbose_name_plural = "문서 공공누리"

    def __str__(self) -> str:
        return f"{self.document.title}: {self.get_licence_display()}"
