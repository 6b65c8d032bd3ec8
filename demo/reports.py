"""Demo editions of the family report '희망서울, 행복가족' (2015 제1차, 2016 제3차, 2017 제4차).

The numbers are illustrative, shaped like the statistics the report draws on but not
real; every table (and the chart drawn from it) says so in its source, so nobody quotes them.
"""

ILLUSTRATIVE = "예시 수치(실제 통계 아님)"

EDITIONS = [
    {
        "year": 2015,
        "edition_number": "제1차",
        "publication_date": "2015-12-21",
        "summary": "서울시가 처음 펴낸 가족보고서입니다. 가구 구조의 변화와 맞벌이·한부모·"
        "다문화가족의 현황을 정리하고, 변화하는 가족에 맞춘 정책 과제를 제안했습니다.",
        "agencies": ["서울시여성가족재단", "서울시 한부모가족지원센터", "서울시 육아종합지원센터"],
    },
    {
        "year": 2016,
        "edition_number": "제3차",
        "publication_date": "2016-12-19",
        "summary": "민간 전문가 자문회의(TF)의 검토를 거쳐 일·가정 양립과 돌봄 공백을 "
        "중점적으로 다뤘습니다. 서울시 패밀리 포털 개설(2016년 12월) 소식도 담았습니다.",
        "agencies": [
            "서울시여성가족재단",
            "서울시 한부모가족지원센터",
            "서울시 직장맘지원센터",
            "서울시 육아종합지원센터",
        ],
    },
    {
        "year": 2017,
        "edition_number": "제4차",
        "publication_date": "2017-12-18",
        "summary": "1인가구와 조손가족의 증가, 아버지의 육아 참여를 새로 분석하고 "
        "패밀리 포털과 패밀리 앱으로 가족 정보를 나누는 방안을 제안했습니다.",
        "agencies": [
            "서울시여성가족재단",
            "서울시 한부모가족지원센터",
            "서울시 직장맘지원센터",
            "서울시 육아종합지원센터",
            "서울시 가족센터",
        ],
    },
]

# The next edition, not yet published: the demo groups it, its chapters, the notice announcing
# it and the home's featured items into a release (demo/releases.py, docs/releases.md).
NEXT_EDITION = {
    "year": 2018,
    "edition_number": "제5차",
    "publication_date": "2018-12-17",
    "summary": "1인가구 30% 시대를 앞두고 돌봄 공백과 아버지의 육아휴직 증가를 분석하고, "
    "자치구 가족센터를 중심으로 한 지역 돌봄 체계를 제안했습니다.",
    "agencies": ["서울시여성가족재단", "서울시 직장맘지원센터", "서울시 가족센터"],
}

# Illustrative yearly figures, keyed by year.
HOUSEHOLD_SHARE = {  # % of Seoul households by type
    2013: {"1인가구": 24.1, "부부가구": 14.9, "부부+자녀가구": 37.0, "한부모가구": 9.9},
    2014: {"1인가구": 25.0, "부부가구": 15.2, "부부+자녀가구": 36.1, "한부모가구": 9.8},
    2015: {"1인가구": 26.0, "부부가구": 15.5, "부부+자녀가구": 35.2, "한부모가구": 9.7},
    2016: {"1인가구": 27.1, "부부가구": 15.8, "부부+자녀가구": 34.3, "한부모가구": 9.6},
    2017: {"1인가구": 28.2, "부부가구": 16.0, "부부+자녀가구": 33.5, "한부모가구": 9.6},
    2018: {"1인가구": 29.4, "부부가구": 16.2, "부부+자녀가구": 32.6, "한부모가구": 9.5},
}
DUAL_INCOME = {  # % of married households; % of fathers among parental-leave users
    2013: (41.0, 3.3),
    2014: (41.6, 4.5),
    2015: (42.3, 5.6),
    2016: (43.1, 8.5),
    2017: (44.2, 13.4),
    2018: (45.0, 17.8),
}
SINGLE_PARENT = {  # households (thousands); households receiving child-rearing aid
    2013: (292, 11840),
    2014: (291, 12310),
    2015: (290, 12960),
    2016: (288, 13520),
    2017: (286, 14080),
    2018: (284, 14650),
}
MULTICULTURAL = {  # multicultural families' children; childcare centre use rate (%)
    2013: (21300, 68.2),
    2014: (23100, 69.5),
    2015: (25000, 70.4),
    2016: (26600, 71.8),
    2017: (28000, 72.9),
    2018: (29500, 73.8),
}


def _years(year: int) -> list[int]:
    return [year - 2, year - 1, year]


def _source(survey: str) -> str:
    return f"{survey} 재구성, {ILLUSTRATIVE}"


def chapter_specs(year: int) -> list[dict]:
    """The four chapters of one edition, built from that year's figures."""
    years = _years(year)
    labels = [str(y) for y in years]
    return [
        _household_chapter(year, years, labels),
        _work_family_chapter(year, years, labels),
        _single_parent_chapter(year, years, labels),
        _multicultural_chapter(year, years, labels),
    ]


def _household_chapter(year, years, labels) -> dict:
    kinds = list(HOUSEHOLD_SHARE[year])
    one_person = HOUSEHOLD_SHARE[year]["1인가구"]
    return {
        "number": 1,
        "title": "서울 가족의 모습과 변화",
        "summary": f"{year}년 서울의 가구 구조를 살펴봅니다. 1인가구 비중이 {one_person}%로 "
        "늘고 부부와 자녀로 이뤄진 가구는 줄었습니다.",
        "body": [
            ("heading", "가구 구조의 변화"),
            (
                "paragraph",
                "서울의 가족은 빠르게 작아지고 다양해지고 있습니다. 혼자 사는 1인가구와 "
                "자녀 없이 부부만 사는 가구가 늘어난 반면, 부부와 자녀로 이뤄진 전형적인 "
                "가족의 비중은 해마다 줄었습니다.",
            ),
            (
                "table",
                {
                    "title": "서울시 가구 유형별 비중",
                    "unit": "%",
                    "source": _source("통계청 인구주택총조사"),
                    "headers": ["가구 유형", *labels],
                    "rows": [[kind, *(HOUSEHOLD_SHARE[y][kind] for y in years)] for kind in kinds],
                    "chart_type": "line",
                    "chart_direction": "rows",
                    "chart_series": "1인가구, 부부+자녀가구",
                },
            ),
            (
                "findings",
                [
                    f"1인가구 비중이 {years[0]}년 {HOUSEHOLD_SHARE[years[0]]['1인가구']}%에서 "
                    f"{year}년 {one_person}%로 늘었습니다.",
                    "가족 정책은 전형적인 4인 가족만이 아니라 다양한 가족을 기준으로 "
                    "설계해야 합니다.",
                ],
            ),
        ],
    }


def _work_family_chapter(year, years, labels) -> dict:
    rate, fathers = DUAL_INCOME[year]
    return {
        "number": 2,
        "title": "일·가정 양립과 맞벌이 가정",
        "summary": f"맞벌이 가구는 기혼 가구의 {rate}%이며, 육아휴직자 가운데 아버지의 "
        f"비율은 {fathers}%입니다.",
        "body": [
            ("heading", "맞벌이가 보통인 서울"),
            (
                "paragraph",
                "맞벌이 부부와 직장맘이 늘면서 어린이집 하원 뒤와 방학 중 돌봄 공백이 가장 "
                "큰 고민으로 꼽혔습니다. 워킹맘 상담에서는 복직 뒤 불이익과 유연근무 "
                "요청이 자주 나왔습니다.",
            ),
            (
                "table",
                {
                    "title": "맞벌이 가구 비율과 남성 육아휴직자 비율",
                    "unit": "%",
                    "source": _source("통계청 지역별고용조사·고용노동부 자료"),
                    "headers": ["구분", *labels],
                    "rows": [
                        ["맞벌이 가구 비율", *(DUAL_INCOME[y][0] for y in years)],
                        ["육아휴직자 중 아버지", *(DUAL_INCOME[y][1] for y in years)],
                    ],
                    "chart_type": "bar",
                    "chart_direction": "rows",
                    "chart_series": "육아휴직자 중 아버지",
                },
            ),
            (
                "findings",
                [
                    f"아버지 육아휴직 비율이 {DUAL_INCOME[years[0]][1]}%에서 {fathers}%로 "
                    "높아졌습니다.",
                    "직장맘지원센터의 노무 상담과 시간제 돌봄을 함께 늘릴 필요가 있습니다.",
                ],
            ),
        ],
    }


def _single_parent_chapter(year, years, labels) -> dict:
    households, supported = SINGLE_PARENT[year]
    return {
        "number": 3,
        "title": "한부모가족과 조손가족",
        "summary": f"서울의 한부모가구는 약 {households}천 가구이며, 그 가운데 "
        f"{supported:,}가구가 아동양육비를 받았습니다.",
        "body": [
            ("heading", "한부모가정의 생활"),
            (
                "paragraph",
                "한부모 가정의 가장 큰 어려움은 양육과 생계를 혼자 감당하는 것입니다. "
                "한부모가족지원센터 상담에서는 주거, 자녀 돌봄, 양육비 이행 문제가 많았고, "
                "조손가족은 조부모의 건강과 손자녀 학습 지원을 필요로 했습니다.",
            ),
            (
                "table",
                {
                    "title": "한부모가구 수와 아동양육비 지원 가구",
                    "unit": "가구",
                    "source": _source("통계청·서울시 한부모가족 지원 실적"),
                    "headers": ["구분", *labels],
                    "rows": [
                        ["한부모가구(천 가구)", *(SINGLE_PARENT[y][0] for y in years)],
                        ["아동양육비 지원 가구", *(SINGLE_PARENT[y][1] for y in years)],
                    ],
                    "chart_type": "bar",
                    "chart_direction": "rows",
                    "chart_series": "아동양육비 지원 가구",
                },
            ),
            (
                "findings",
                [
                    "한부모가구 수는 비슷하지만 지원받는 가구는 늘었습니다.",
                    "조손가족을 위한 돌봄과 학습 지원을 한부모가족 지원과 연계해야 합니다.",
                ],
            ),
        ],
    }


def _multicultural_chapter(year, years, labels) -> dict:
    children, childcare = MULTICULTURAL[year]
    return {
        "number": 4,
        "title": "다문화가족과 영유아 보육",
        "summary": f"다문화가족 자녀는 약 {children:,}명이고, 영유아의 어린이집 이용률은 "
        f"{childcare}%입니다.",
        "body": [
            ("heading", "다문화가족 자녀의 성장"),
            (
                "paragraph",
                "다문화가족 자녀가 학령기에 들어서면서 한국어와 학습 지원, 이중언어 교육의 "
                "수요가 커졌습니다. 육아종합지원센터의 시간제 보육과 부모 교육을 "
                "다문화가정도 쉽게 이용하도록 다국어 안내가 필요합니다.",
            ),
            (
                "table",
                {
                    "title": "다문화가족 자녀 수와 어린이집 이용률",
                    "unit": "명, %",
                    "source": _source("행정안전부 외국인주민현황·보육통계"),
                    "headers": ["구분", *labels],
                    "rows": [
                        ["다문화가족 자녀(명)", *(MULTICULTURAL[y][0] for y in years)],
                        ["어린이집 이용률(%)", *(MULTICULTURAL[y][1] for y in years)],
                    ],
                    "chart_type": "line",
                    "chart_direction": "rows",
                    "chart_series": "다문화가족 자녀(명)",
                },
            ),
            (
                "findings",
                [
                    "다문화가족 자녀가 꾸준히 늘고 있습니다.",
                    "보육과 부모 교육 정보를 여러 언어로 제공해야 합니다.",
                ],
            ),
        ],
    }


DATA_SOURCES = [
    {"title": "인구주택총조사", "agency": "통계청", "url": "https://kosis.kr"},
    {"title": "서울시 가족 관련 기관 자료", "agency": "서울시여성가족재단", "url": ""},
]
