"""One example answer per operation, as the demo portal gives them (tests validate them)."""

from typing import Any

API = "https://family.seoul.go.kr/api/v2"
FRONTEND = "https://family.seoul.go.kr"

LICENCE = {
    "code": "kogl-1",
    "name": "공공누리 제1유형: 출처표시",
    "url": "https://www.kogl.or.kr/info/licenseType1.do",
    "mark": f"{FRONTEND}/static/kogl/kogl-type1.svg",
}
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
    "licence": LICENCE,
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
    "licence": LICENCE,
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
LISTINGS: dict[str, Any] = {
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
    "401": {"error": {"code": "invalid_api_key", "message": "API 키가 올바르지 않습니다."}},
    "403": {
        "error": {
            "code": "not_eligible",
            "message": "12월 05일까지는 마포구 주민만 신청할 수 있습니다.",
        }
    },
    "404": {"error": {"code": "not_found", "message": "요청한 콘텐츠를 찾을 수 없습니다."}},
    "409": {
        "error": {
            "code": "already_applied",
            "message": "이미 이 번호로 신청하셨습니다 (접수번호 P20261203-K7Q3M9, 신청 확정).",
            "receipt_number": "P20261203-K7Q3M9",
        }
    },
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
            "message": "요청 한도를 넘었습니다. 42초 뒤에 다시 시도해 주세요.",
            "limit": 300,
            "retry_after": 42,
        }
    },
}

OPERATIONS = {
    "search": {
        "query": "한부모",
        "meta": {"locale": "ko"},
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
        "suggestions": [
            {
                "id": 12,
                "title": "한부모 지원",
                "label": "한부모 지원",
                "path": "/가족정보/한부모-지원/",
            },
            {
                "id": 31,
                "title": "서울 가족의 모습",
                "label": "서울 가족의 모습 (2025년판)",
                "path": "/가족보고서/2025/서울-가족의-모습/",
            },
        ]
    },
    "feedback_submit": {"message": "의견 고맙습니다. 더 나은 안내를 만드는 데 쓰겠습니다."},
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

APPLICATION_STATUS = {
    "receipt_number": "P20261203-K7Q3M9",
    "program_id": 42,
    "program_title": "영유아 부모 놀이 코칭",
    "session": 7,
    "session_title": "오전반",
    "session_date": "2026-12-19",
    "status": "waitlisted",
    "status_label": "대기",
    "waitlist_number": 3,
    "participants": 2,
    "applied_at": "2026-12-03T10:00:00+09:00",
    "confirmed_at": None,
    "cancelled_at": None,
}
OPERATIONS["applications_lookup"] = OPERATIONS["applications_lookup_form"] = APPLICATION_STATUS
OPERATIONS["applications_cancel"] = {
    **APPLICATION_STATUS,
    "status": "cancelled",
    "status_label": "취소",
    "waitlist_number": None,
    "cancelled_at": "2026-12-04T09:00:00+09:00",
}
OPERATIONS["applications_apply"] = {
    **APPLICATION_STATUS,
    "access_code": "ABCD-EFGH-JKMN",
    "message": "정원이 차서 대기 3번으로 접수되었습니다. 자리가 나면 순서대로 자동 확정됩니다.",
}
OPERATIONS["applications_program"] = {
    "program": 42,
    "title": "영유아 부모 놀이 코칭",
    "max_participants": 2,
    "asks_children": True,
    "priority_district": None,
    "priority_until": None,
    "questions": [
        {
            "key": "child_age",
            "label": "자녀 나이(만)",
            "kind": "number",
            "choices": [],
            "required": True,
        }
    ],
    "seats": {
        "status": "open",
        "status_label": "모집중",
        "capacity": 20,
        "remaining": 3,
        "waitlisted": 5,
        "waitlist_limit": 10,
        "waitlist_remaining": 5,
    },
    "sessions": [
        {
            "id": 7,
            "title": "오전반",
            "date": "2026-12-19",
            "time_note": "10:00~12:00",
            "seats": {
                "status": "open",
                "status_label": "모집중",
                "capacity": 20,
                "remaining": 3,
                "waitlisted": 5,
                "waitlist_limit": 10,
                "waitlist_remaining": 5,
            },
        }
    ],
}

# Subscriptions (subscriptions/api.py)
DEVICE_STATE = {
    "token": "WzQyLCJ0b2tlbiJd:1vT2xQ:manage-token-signature",
    "channel": "webpush",
    "language": "vi",
    "subscriptions": [
        {
            "id": 3,
            "title": "주제: 육아 · 지역: 종로구",
            "criteria": {"topic": ["parenting"], "district": ["jongno-gu"]},
        }
    ],
}
OPERATIONS["subscriptions_device_register"] = DEVICE_STATE
OPERATIONS["subscriptions_device_read"] = DEVICE_STATE
OPERATIONS["subscriptions_device_add_list"] = DEVICE_STATE["subscriptions"][0]
OPERATIONS["subscriptions_email_subscribe"] = {
    "message": "확인 메일을 보냈습니다. 메일의 링크를 열면 구독이 시작됩니다."
}
OPERATIONS["subscriptions_device_unsubscribe"] = {"message": "구독을 모두 해지했습니다."}
OPERATIONS["subscriptions_device_remove_list"] = {"message": "구독 목록 하나를 해지했습니다."}
OPERATIONS["subscriptions_vapid_key"] = {
    "public_key": "BAOg5Bc87l1THDXsbX8UaOfheodlp0OOm3JOBxcqzkqS6v-hUmIGs4ydIXZEj36j9VTlOLoct66U"
}

DATASET_CATALOG = {
    "@type": "dcat:Catalog",
    "dct:title": "희망서울, 행복가족 통계표",
    "dct:publisher": "서울특별시 가족담당관",
    "dcat:dataset": [
        {
            "@type": "dcat:Dataset",
            "dct:identifier": "2017-1-1",
            "dct:title": "가구 수",
            "dct:license": LICENCE["url"],
            "dcat:distribution": [
                {
                    "@type": "dcat:Distribution",
                    "dct:format": "CSV",
                    "dcat:mediaType": "text/csv",
                    "dcat:downloadURL": f"{FRONTEND}/api/v2/datasets/2017-1-1.csv",
                }
            ],
        }
    ],
}

DATASET_TABLE = {
    "identifier": "2017-1-1",
    "title": "가구 수",
    "unit": "천 가구",
    "source": "통계청",
    "notes": "",
    "publisher": "서울특별시 가족담당관",
    "edition": {"year": 2017, "edition_number": "제3차", "title": "2017 가족보고서"},
    "chapter": {"number": 1, "title": "서울의 가족"},
    "licence": LICENCE,
    "issued": "2017-12-18",
    "modified": "2017-12-18T09:00:00+09:00",
    "headers": ["연도", "한부모", "맞벌이(%)"],
    "rows": [["2016", 291, 42.5], ["2017", 288, 44.6]],
}

PREVIEW_ACCESSIBILITY = {
    "errors": 1,
    "warnings": 0,
    "findings": [
        {
            "severity": "error",
            "field": "body",
            "message": "본문: 링크 글자 '여기'만으로는 어디로 가는지 알 수 없습니다. "
            "목적지를 알 수 있게 써 주세요 (예: '한부모 지원 신청 안내').",
        }
    ],
}
