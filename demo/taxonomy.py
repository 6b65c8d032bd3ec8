"""Demo taxonomies: topics, audiences, Seoul's 25 districts and partner agencies."""

TOPICS = [
    ("가정생활", "family-life"),
    ("보육", "childcare"),
    ("돌봄", "care"),
    ("교육", "education"),
    ("일·가정 양립", "work-life-balance"),
    ("경제 지원", "financial-support"),
    ("건강", "health"),
    ("가족관계", "family-relations"),
    ("주거", "housing"),
]

AUDIENCES = [
    ("영유아 부모", "infant-parents"),
    ("한부모", "single-parents"),
    ("다문화가족", "multicultural-families"),
    ("조손가족", "grandparent-families"),
    ("청소년", "youth"),
    ("예비부부", "engaged-couples"),
    ("예비부모", "expectant-parents"),
    ("직장맘", "working-moms"),
    ("맞벌이 가정", "dual-income-families"),
    ("아버지", "fathers"),
]

# Seoul's 25 autonomous districts, in the city's official order.
DISTRICTS = [
    ("종로구", "jongno-gu"),
    ("중구", "jung-gu"),
    ("용산구", "yongsan-gu"),
    ("성동구", "seongdong-gu"),
    ("광진구", "gwangjin-gu"),
    ("동대문구", "dongdaemun-gu"),
    ("중랑구", "jungnang-gu"),
    ("성북구", "seongbuk-gu"),
    ("강북구", "gangbuk-gu"),
    ("도봉구", "dobong-gu"),
    ("노원구", "nowon-gu"),
    ("은평구", "eunpyeong-gu"),
    ("서대문구", "seodaemun-gu"),
    ("마포구", "mapo-gu"),
    ("양천구", "yangcheon-gu"),
    ("강서구", "gangseo-gu"),
    ("구로구", "guro-gu"),
    ("금천구", "geumcheon-gu"),
    ("영등포구", "yeongdeungpo-gu"),
    ("동작구", "dongjak-gu"),
    ("관악구", "gwanak-gu"),
    ("서초구", "seocho-gu"),
    ("강남구", "gangnam-gu"),
    ("송파구", "songpa-gu"),
    ("강동구", "gangdong-gu"),
]

# Phone numbers and addresses are illustrative; check them before real use.
AGENCIES = [
    {
        "name": "서울시 가족담당관",
        "url": "https://www.seoul.go.kr",
        "phone": "02-2133-5165",
        "description": "서울시 가족정책을 총괄하고 가족보고서 '희망서울, 행복가족'을 발간합니다.",
    },
    {
        "name": "서울시여성가족재단",
        "url": "https://www.seoulwomen.or.kr",
        "phone": "02-810-5000",
        "description": "서울시 여성·가족 정책을 연구하고 가족보고서 자료를 제공합니다.",
    },
    {
        "name": "서울시 한부모가족지원센터",
        "url": "https://www.seoulhanbumo.or.kr",
        "phone": "02-3494-0600",
        "description": "한부모가족의 상담, 자조모임, 법률·양육 지원을 맡습니다.",
    },
    {
        "name": "서울시 육아종합지원센터",
        "url": "https://seoul.childcare.go.kr",
        "phone": "02-772-9817",
        "description": "보육 정보, 장난감 대여, 부모 교육과 양육 상담을 제공합니다.",
    },
    {
        "name": "서울시 직장맘지원센터",
        "url": "https://www.workingmom.or.kr",
        "phone": "02-3141-9046",
        "description": "직장맘과 맞벌이 가정의 노무 상담과 일·가정 양립을 돕습니다.",
    },
    {
        "name": "서울시 가족센터",
        "url": "https://www.familynet.or.kr",
        "phone": "1577-9337",
        "description": "가족교육, 가족상담, 다문화가족 정착 지원을 한곳에서 제공합니다.",
    },
    {
        "name": "서울시립 청소년미디어센터",
        "url": "https://www.youthnavi.net",
        "phone": "02-3141-6000",
        "description": "청소년 미디어 교육과 정보 서비스 '유스내비'를 운영합니다.",
    },
]
