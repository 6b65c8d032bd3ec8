"""The benches' one seeding: the portal tree and N pages of every content type.

Pages carry images, a document, topics and rich-text links; every article, programme and blog
post links to the first article ("bench-0"), so publishing that page fans out to about 80 % of
the site (content.events.pages_showing_subtree), as a page shown by 1,600 others at 2,000 pages.
Seeding is not measured and indexes nothing: `harness.Portal` builds the search indexes after.
"""

import random
import time

from bench.harness import RESULTS

WORDS = ["한부모가족", "다문화가족", "조손가족", "맞벌이", "직장맘", "예비부부", "청소년", "돌봄"]


def seed(page_count: int) -> bool:
    """Create the portal and `page_count` pages once (later runs reuse them); True if it did."""
    from django.conf import settings
    from django.core.files.images import ImageFile
    from django.db import transaction
    from PIL import Image as PillowImage
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from pages.models import (
        ArticlePage,
        BlogPostPage,
        EducationProgramPage,
        NoticePage,
        SectionKind,
    )
    from pages.portal_tree import ensure_portal_tree
    from pages.snippets import Agency, Topic

    if Page.objects.filter(depth__gte=4).count() >= page_count:
        return False
    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False  # seeding is not measured; the index is built after
    started = time.perf_counter()
    rng = random.Random(20161201)
    _, sections = ensure_portal_tree()
    images = []
    RESULTS.mkdir(parents=True, exist_ok=True)
    for number in range(8):
        path = RESULTS / f"bench-image-{number}.jpg"
        PillowImage.new("RGB", (1600, 1000), (40 * number, 120, 200)).save(path)
        with path.open("rb") as handle:
            images.append(
                get_image_model().objects.create(
                    title=f"사진 {number}", file=ImageFile(handle, name=path.name)
                )
            )
    document_model = get_document_model()
    document = document_model.objects.create(title="안내서", file="documents/guide.pdf")
    topics = [Topic.objects.get_or_create(slug=f"t{n}", name=WORDS[n])[0] for n in range(8)]
    agency = Agency.objects.get_or_create(name="서울시여성가족재단")[0]
    today = time.strftime("%Y-%m-%d")
    first_article = None
    with transaction.atomic():
        for number in range(page_count):
            word = rng.choice(WORDS)
            image = rng.choice(images)
            body = [
                ("heading", {"text": f"{word} 안내", "level": "h2"}),
                (
                    "paragraph",
                    f"<p>{word}을 위한 지원입니다. "
                    + (
                        f'<a linktype="page" id="{first_article.pk}">관련 글</a> '
                        if first_article
                        else ""
                    )
                    + f'<a linktype="document" id="{document.pk}">안내서</a></p>',
                ),
                ("image", {"image": image, "alt_text": word, "caption": ""}),
                ("document", {"document": document, "title": "신청서"}),
            ]
            kind = number % 10
            if kind < 6:
                page = ArticlePage(
                    title=f"{word} 정보 {number}", intro=word, body=body, agency=agency
                )
                parent = sections[SectionKind.FAMILY_INFO]
            elif kind < 8:
                page = NoticePage(title=f"공지 {number}", body=f"<p>{word} 공지</p>", date=today)
                parent = sections[SectionKind.NOTICE]
            elif kind < 9:
                page = EducationProgramPage(
                    title=f"{word} 교육 {number}",
                    intro=word,
                    body=body,
                    start_date=today,
                    end_date=today,
                    application_start=today,
                    application_end=today,
                    capacity=20,
                    venue="서울가족학교",
                )
                parent = sections[SectionKind.FAMILY_SCHOOL]
            else:
                page = BlogPostPage(title=f"{word} 이야기 {number}", body=body, hero_image=image)
                parent = sections[SectionKind.BLOG]
            page.slug = f"bench-{number}"
            parent.add_child(instance=page)
            if hasattr(page, "topics"):
                page.topics.set(rng.sample(topics, 2))
                page.save()
            if first_article is None and isinstance(page, ArticlePage):
                first_article = page
            if number and number % 500 == 0:
                print(f"  seeded {number} pages …", flush=True)
    print(f"seeded {page_count} pages in {time.perf_counter() - started:.0f} s", flush=True)
    return True
