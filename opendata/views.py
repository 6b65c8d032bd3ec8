"""`/api/v2/datasets/`: the DCAT-style listing, each table's files and each edition's zip."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.views import View

from content.caching import ConditionalPublicMixin
from content.errors import json_error
from content.pageindex import get_page_index

from .datasets import PUBLISHER, Dataset, report_datasets
from .formats import FORMATS, RENDERERS, edition_zip

CATALOG_TITLE = "희망서울, 행복가족 통계표"
MEDIA_TYPES = {"csv": "text/csv", "xlsx": FORMATS["xlsx"], "json": "application/json"}


def catalog(request: HttpRequest, datasets: list[Dataset]) -> dict:
    """A DCAT catalog (JSON-LD terms): one dcat:Dataset per table, a distribution per format."""
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
        },
        "@type": "dcat:Catalog",
        "dct:title": CATALOG_TITLE,
        "dct:publisher": PUBLISHER,
        "dcat:dataset": [dcat_dataset(request, dataset) for dataset in datasets],
    }


def dcat_dataset(request: HttpRequest, dataset: Dataset) -> dict:
    def download(extension: str) -> str:
        path = reverse("dataset-file", args=[dataset.identifier, extension])
        return request.build_absolute_uri(path)

    return {
        "@type": "dcat:Dataset",
        "dct:identifier": dataset.identifier,
        "dct:title": dataset.title,
        "dct:description": dataset.notes,
        "dct:publisher": PUBLISHER,
        "dct:source": dataset.source,
        "dct:issued": dataset.issued.isoformat() if dataset.issued else None,
        "dct:modified": dataset.modified.isoformat() if dataset.modified else None,
        "dct:license": dataset.licence["url"],
        "dct:isPartOf": dataset.edition["title"],
        "dcat:landingPage": dataset.chapter["url"],
        "unit": dataset.unit,
        "edition": dataset.edition,
        "chapter": dataset.chapter,
        "licence": dataset.licence,
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dct:format": extension.upper(),
                "dcat:mediaType": MEDIA_TYPES[extension],
                "dcat:downloadURL": download(extension),
            }
            for extension in RENDERERS
        ],
    }


class DatasetListView(ConditionalPublicMixin, View):
    """Every table of every live edition, as a DCAT catalog."""

    def get(self, request: HttpRequest) -> HttpResponse:
        datasets = report_datasets(get_page_index(request))
        return JsonResponse(catalog(request, datasets), json_dumps_params={"ensure_ascii": False})


class DatasetFileView(ConditionalPublicMixin, View):
    """One table in one format (`2017-3-1.csv`)."""

    def get(self, request: HttpRequest, identifier: str, extension: str) -> HttpResponse:
        year = identifier.split("-", 1)[0]
        datasets = report_datasets(get_page_index(request), year=int(year))
        dataset = next((item for item in datasets if item.identifier == identifier), None)
        if dataset is None:
            return json_error("not_found", f"'{identifier}' 통계표가 없습니다.", 404)
        response = HttpResponse(RENDERERS[extension](dataset), content_type=FORMATS[extension])
        response["Content-Disposition"] = f'attachment; filename="{identifier}.{extension}"'
        return response


class EditionZipView(ConditionalPublicMixin, View):
    """Every table of one edition in every format, with its catalog, as one zip."""

    def get(self, request: HttpRequest, year: int) -> HttpResponse:
        datasets = report_datasets(get_page_index(request), year=year)
        if not datasets:
            return json_error("not_found", f"{year}년 보고서의 통계표가 없습니다.", 404)
        body = edition_zip(datasets, catalog(request, datasets))
        response = HttpResponse(body, content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="family-report-{year}.zip"'
        return response
