"""One example answer per operation, as the demo portal gives them (tests validate them)."""

API = "https://family.seoul.go.kr/api/v2"
FRONTEND = "https://family.seoul.go.kr"

PAGE_LINK = {"id": 4, "title": "가족정보", "path": "/가족정보/"}
IMAGE = {
    "id": 1,
    "title": "가족 나들이",
    "alt": "공원에서 웃는 가족",
    "width": 2000,
    "height": 1333,
    "renditions": [
        {"width": 320, "height": 213, "url": f"{FRONTEND}/media/images/family.width-320.jpg"},
        {"width": 640, "height": 427, "url": f"{FRONTEND}/media/images/family.width-640.jpg"},
    ],
}

PAGE_LISTING = {
    "meta": {"total_count": 1},
    "items": [
        {
            "id": 12,
            "meta": {
                "type": "pages.ArticlePage",
                "detail_url": f"{API}/pages/12/",
                "html_url": f"{FRONTEND}/%EA%B0%80%EC%A1%B1%EC%A0%95%EB%B3%B4/",
                "slug": "한부모-지원",
                "first_published_at": "2026-12-01T09:00:00+09:00",
                "path": "/가족정보/한부모-지원/",
            },
            "title": "한부모 지원",
        }
    ],
}

PAGE_DETAIL = {
    "id": 12,
    "meta": {
        "type": "pages.ArticlePage",
        "detail_url": f"{API}/pages/12/",
        "html_url": f"{FRONTEND}/%EA%B0%80%EC%A1%B1%EC%A0%95%EB%B3%B4/",
        "slug": "한부모-지원",
        "show_in_menus": False,
        "seo_title": "한부모가족 지원 안내",
        "search_description": "한부모가족이 받을 수 있는 지원",
        "first_published_at": "2026-12-01T09:00:00+09:00",
        "alias_of": None,
        "parent": {
            "id": 4,
            "meta": {
                "type": "pages.SectionPage",
                "detail_url": f"{API}/pages/4/",
                "path": "/가족정보/",
            },
            "title": "가족정보",
        },
        "locale": "ko",
        "path": "/가족정보/한부모-지원/",
        "parent_id": 4,
        "translations": [
            {"locale": "vi", "id": 88, "path": "/vi/thong-tin/ho-tro/", "up_to_date": True}
        ],
    },
    "title": "한부모 지원",
    "breadcrumbs": [{"id": 3, "title": "서울시 패밀리 포털", "path": "/"}, PAGE_LINK],
    "seo": {"title": "한부모가족 지원 안내", "description": "한부모가족이 받을 수 있는 지원"},
    "intro": "한부모가족이 받을 수 있는 양육비와 주거 지원을 안내합니다.",
    "body": [
        {"type": "heading", "value": {"text": "지원 대상", "level": "h2"}, "id": "6edbc35b"},
        {
            "type": "paragraph",
            "value": "<p>만 18세 미만 자녀를 키우는 한부모가족</p>",
            "id": "2fd2",
        },
        {
            "type": "image",
            "value": {"image": IMAGE, "alt_text": "가족 사진", "caption": "나들이"},
            "id": "2af3e20e",
        },
    ],
    "topics": [{"id": 1, "name": "돌봄", "slug": "care"}],
    "audiences": [{"id": 1, "name": "한부모", "slug": "single-parents"}],
    "districts": [{"id": 1, "name": "종로구", "slug": "jongno-gu"}],
    "related_links": [
        {
            "type": "link",
            "value": {
                "title": "양육비",
                "page": {"id": 10, "title": "양육비 지원", "path": "/가족정보/양육비-지원/"},
                "external_url": "",
                "url": "/가족정보/양육비-지원/",
            },
            "id": "4c5add7c",
        }
    ],
    "agency": {
        "id": 1,
        "name": "서울시여성가족재단",
        "url": "https://www.seoulwomen.or.kr",
        "phone": "02-810-5000",
    },
    "contact": "서울시 가족담당관 02-2133-0000",
}

NAVIGATION = {
    "meta": {"locale": "ko"},
    "items": [
        {
            "id": 4,
            "title": "가족정보",
            "path": "/가족정보/",
            "children": [
                {"id": 10, "title": "양육비 지원", "path": "/가족정보/양육비-지원/", "children": []}
            ],
        }
    ],
}

REDIRECTS = {
    "meta": {"total_count": 1},
    "items": [{"old_path": "/old", "location": "/가족정보/한부모-지원/", "is_permanent": True}],
}

SYNC = {
    "items": [PAGE_DETAIL],
    "deleted": [22],
    "next_cursor": "eyJjIjo0MCwicCI6bnVsbH0:ErvJ_CqVU_kJu0HzCr8MBmUf73dB2TDABM6rQ_X2YyY",
    "has_more": False,
}

MEDIA_META = {"tags": [], "download_url": "/media/original_images/family.jpg"}
LISTINGS = {
    "images": {
        "meta": {"total_count": 1},
        "items": [
            {
                "id": 1,
                "meta": {
                    "type": "wagtailimages.Image",
                    "detail_url": f"{API}/images/1/",
                    **MEDIA_META,
                },
                "title": "가족 나들이",
                "renditions": IMAGE["renditions"],
            }
        ],
    },
    "documents": {
        "meta": {"total_count": 1},
        "items": [
            {
                "id": 1,
                "meta": {
                    "type": "wagtaildocs.Document",
                    "detail_url": f"{API}/documents/1/",
                    "tags": [],
                    "download_url": f"{FRONTEND}/documents/1/guide.pdf",
                },
                "title": "한부모 지원 안내서",
            }
        ],
    },
}
DETAILS = {
    "images": {
        **LISTINGS["images"]["items"][0],
        "width": 2000,
        "height": 1333,
        "alt": "공원에서 웃는 가족",
    },
    "documents": LISTINGS["documents"]["items"][0],
}

ERRORS = {
    "400": {
        "error": {
            "code": "bad_request",
            "message": "알 수 없는 섹션입니다: 'news'. 가능한 값: family-info, …",
        }
    },
    "404": {"error": {"code": "not_found", "message": "요청한 콘텐츠를 찾을 수 없습니다."}},
    "413": {
        "error": {"code": "too_large", "message": "요청 본문이 너무 큽니다."},
    },
    "415": {
        "error": {
            "code": "unsupported_media_type",
            "message": "application/json 또는 폼 형식으로 보내 주세요.",
        }
    },
    "429": {
        "error": {
            "code": "rate_limited",
            "message": "상담 신청이 너무 많습니다. 잠시 후 다시 시도해 주세요.",
        }
    },
}

OPERATIONS = {
    "search": {
        "query": "한부모",
        "backend": "database",
        "fallback": False,
        "total": 1,
        "page": 1,
        "page_size": 10,
        "items": [
            {
                "id": 12,
                "type": "pages.ArticlePage",
                "title": "한부모 지원",
                "path": "/가족정보/한부모-지원/",
                "snippet": "<mark>한부모</mark>가족이 받을 수 있는 지원",
                "promoted": False,
                "edition": None,
                "also": [],
            }
        ],
        "did_you_mean": None,
        "suggestions": [],
        "facets": {
            "type": [{"value": "pages.ArticlePage", "label": "가족정보 글", "count": 1}],
            "section": [{"value": "가족정보", "label": "가족정보", "count": 1}],
            "topic": [],
            "audience": [{"value": "single-parents", "label": "한부모", "count": 1}],
        },
    },
    "search_suggest": {
        "suggestions": [{"id": 12, "title": "한부모 지원", "path": "/가족정보/한부모-지원/"}]
    },
    "counseling_submit": {
        "receipt_number": "C20261202-7KQ2MX",
        "access_code": "ABCD-EFGH-JKMN",
        "status": "received",
        "status_label": "접수",
        "submitted_at": "2026-12-02T10:00:00+09:00",
        "message": "상담이 접수되었습니다. 접수번호와 열람 코드는 답변을 확인할 때 필요합니다.",
    },
}
CASE_STATUS = {
    "receipt_number": "C20261202-7KQ2MX",
    "category": "parenting",
    "category_label": "자녀양육",
    "title": "아이가 말을 듣지 않아요",
    "question": "다섯 살 아이가 말을 듣지 않을 때 어떻게 해야 하나요?",
    "status": "answered",
    "status_label": "답변완료",
    "submitted_at": "2026-12-01T10:00:00+09:00",
    "answered_at": "2026-12-02T15:00:00+09:00",
    "answer": "먼저 아이의 마음을 읽어 주세요.",
}
OPERATIONS["partner_items"] = {
    "meta": {"total_count": 1},
    "items": [
        {
            "id": 12,
            "title": "청소년 미디어 캠프 참가자 모집",
            "link": "https://www.youthnavi.net/news/1",
            "summary_html": "<p>여름방학 미디어 캠프에 참가할 청소년을 모집합니다.</p>",
            "published": "2026-11-30T09:00:00+09:00",
            "section": "family-info",
            "source": {
                "agency": {
                    "id": 3,
                    "name": "서울시립 청소년미디어센터",
                    "url": "https://www.youthnavi.net/",
                },
                "feed": "유스내비 소식",
                "link": "https://www.youthnavi.net/news/1",
            },
        }
    ],
}
OPERATIONS["counseling_lookup"] = OPERATIONS["counseling_lookup_form"] = CASE_STATUS
