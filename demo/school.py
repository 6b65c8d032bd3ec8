"""Demo Seoul Family School (서울가족학교) programs and education materials.

Program dates are offsets in days from the day the demo is loaded, so some programs are
always open (모집중), some closed (마감) and some upcoming (모집예정).
"""

PROGRAMS = [
    {
        "title": "영유아 부모 놀이 코칭",
        "intro": "만 1~3세 아이와 집에서 할 수 있는 놀이를 배우고, 발달에 맞는 반응법을 "
        "실습하는 부모 교육입니다.",
        "body": [
            "## 이런 분께 권합니다",
            "아이와 무엇을 하며 놀아야 할지 막막한 영유아 부모, 특히 처음 부모가 된 "
            "분들께 권합니다. 아빠의 참여를 환영합니다.",
        ],
        "topics": ["childcare", "education"],
        "audiences": ["infant-parents", "fathers"],
        "districts": ["mapo-gu"],
        "application": (-7, 10),  # application start/end, days from today
        "course": (20, 41),  # course start/end, days from today
        "sessions": 4,
        "schedule_note": "매주 토요일 10:00~12:00",
        "is_online": False,
        "venue": "서울가족학교 마포교육장 2층",
        "capacity": 20,
        "fee": 0,
        "organizer": "서울시 육아종합지원센터",
        # Applications on the portal (applications/): a parent and a child per application.
        "online_application": {
            "accepts_applications": True,
            "waitlist_limit": 10,
            "max_participants": 2,
            "asks_children": True,
            "application_questions": [
                (
                    "question",
                    {
                        "key": "child_age",
                        "label": "자녀 나이(만)",
                        "kind": "number",
                        "choices": "",
                        "required": True,
                        # The audience is enforced on the server (applications/eligibility.py).
                        "eligible_min": 1,
                        "eligible_max": 3,
                        "ineligible_message": "만 1~3세 자녀를 둔 부모만 신청할 수 있습니다.",
                    },
                ),
            ],  # fmt: skip
        },
        # Two groups recruited separately (모집 회차): (title, days from today, time, seats).
        "program_sessions": [
            ("토요일 오전반", 20, "10:00~12:00", 10),
            ("토요일 오후반", 20, "14:00~16:00", 10),
        ],
    },
    {
        "title": "사춘기 자녀와 대화하는 부모 교실",
        "intro": "청소년 자녀의 마음을 읽는 대화법을 배우는 온라인 부모 교육입니다. "
        "퇴근 뒤 집에서 참여할 수 있습니다.",
        "body": [
            "## 교육 내용",
            "청소년기 뇌 발달의 이해, 감정 코칭, 스마트폰 사용을 둘러싼 갈등 조정을 "
            "다룹니다. 매 회차 가정에서 해 볼 과제가 있습니다.",
        ],
        "topics": ["family-relations", "education"],
        "audiences": ["youth", "working-moms", "dual-income-families"],
        "districts": [],
        "application": (-3, 14),
        "course": (21, 35),
        "sessions": 3,
        "schedule_note": "매주 수요일 19:30~21:00 (실시간 화상 교육)",
        "is_online": True,
        "venue": "",
        "capacity": 100,
        "fee": 0,
        "organizer": "서울시 가족센터",
    },
    {
        "title": "예비부부 행복 설계 학교",
        "intro": "결혼을 앞둔 커플이 대화법, 재무 설계, 가사 분담을 함께 배우는 주말 과정입니다.",
        "body": [
            "## 과정 구성",
            "1회차 서로의 가족 이해하기, 2회차 갈등을 다루는 대화, 3회차 신혼 재무 설계로 "
            "구성됩니다. 두 사람이 함께 신청해 주세요.",
        ],
        "topics": ["family-relations"],
        "audiences": ["engaged-couples"],
        "districts": ["jung-gu"],
        "application": (-75, -45),
        "course": (-40, -26),
        "sessions": 3,
        "schedule_note": "격주 일요일 14:00~17:00",
        "is_online": False,
        "venue": "서울시청 서소문청사 교육장",
        "capacity": 30,
        "fee": 10000,
        "organizer": "서울시 가족센터",
    },
    {
        "title": "다문화가족 부모-자녀 이중언어 놀이",
        "intro": "엄마 나라의 말과 한국어를 함께 쓰며 노는 다문화가족 부모-자녀 프로그램입니다.",
        "body": [
            "## 두 언어는 아이의 힘",
            "이중언어 환경은 아이에게 큰 자산입니다. 그림책과 노래로 두 언어를 자연스럽게 "
            "익히고, 다른 가족들과도 친해질 수 있습니다.",
        ],
        "topics": ["education", "family-life"],
        "audiences": ["multicultural-families", "infant-parents"],
        "districts": ["guro-gu", "yeongdeungpo-gu"],
        "application": (-50, -20),
        "course": (-15, 13),
        "sessions": 8,
        "schedule_note": "매주 토요일 14:00~15:30",
        "is_online": False,
        "venue": "구로구 가족센터 프로그램실",
        "capacity": 12,
        "fee": 0,
        "organizer": "서울시 가족센터",
    },
    {
        "title": "직장맘 복직 준비 워크숍",
        "intro": "육아휴직 뒤 복직을 앞둔 직장맘이 일과 육아의 균형을 설계하고, 알아 둘 "
        "노동법을 배웁니다.",
        "body": [
            "## 함께 배우는 내용",
            "복직 전 돌봄 계획 세우기, 유연근무와 육아기 근로시간 단축 제도, 복직 뒤 불이익 "
            "대처법을 공인노무사와 함께 정리합니다.",
        ],
        "topics": ["work-life-balance"],
        "audiences": ["working-moms", "dual-income-families"],
        "districts": [],
        "application": (14, 30),
        "course": (40, 40),
        "sessions": 1,
        "schedule_note": "토요일 10:00~16:00 (점심 제공)",
        "is_online": False,
        "venue": "서울시 직장맘지원센터 교육실",
        "capacity": 25,
        "fee": 0,
        "organizer": "서울시 직장맘지원센터",
    },
    {
        "title": "조부모 손자녀 양육 교실",
        "intro": "손주를 돌보는 할머니, 할아버지를 위한 최신 육아 상식과 세대 간 소통 교육입니다.",
        "body": [
            "## 할머니, 할아버지도 배워요",
            "예방접종과 안전사고 예방, 요즘 부모 세대와 양육 방식 차이를 좁히는 대화법을 "
            "다룹니다. 조손가족과 맞벌이 자녀를 돕는 조부모 모두 환영합니다.",
        ],
        "topics": ["care", "education"],
        "audiences": ["grandparent-families"],
        "districts": ["nowon-gu"],
        "application": (21, 35),
        "course": (45, 66),
        "sessions": 4,
        "schedule_note": "매주 화요일 10:00~11:30",
        "is_online": False,
        "venue": "노원구 육아종합지원센터 강의실",
        "capacity": 20,
        "fee": 0,
        "organizer": "서울시 육아종합지원센터",
    },
]

# Each resource gets a generated PDF; "pdf" holds its headings and paragraphs.
RESOURCES = [
    {
        "title": "영유아 부모를 위한 집콕 놀이 가이드",
        "resource_type": "document",
        "age_range": "만 1~3세 자녀",
        "description": "거실과 부엌에서 바로 해 볼 수 있는 놀이 20가지를 발달 영역별로 "
        "정리한 안내서입니다.",
        "program": "영유아 부모 놀이 코칭",
        "audiences": ["infant-parents"],
        "topics": ["childcare"],
        "pdf": [
            "## 놀이가 곧 배움입니다",
            "아이는 놀이를 통해 몸과 말, 마음을 함께 키웁니다. 비싼 장난감보다 부모의 반응이 "
            "더 중요합니다.",
            "## 부엌 놀이",
            "냄비 뚜껑 두드리기, 콩 옮기기, 밀가루 반죽 놀이는 소근육과 감각을 키워 줍니다.",
            "## 안전 수칙",
            "작은 물건은 삼킬 수 있으니 놀이가 끝나면 반드시 치워 주세요.",
        ],
    },
    {
        "title": "사춘기 자녀 대화법 안내서",
        "resource_type": "document",
        "age_range": "만 12~18세 자녀를 둔 부모",
        "description": "사춘기 자녀와의 갈등 상황별로 해 볼 만한 말과 피해야 할 말을 정리했습니다.",
        "program": "사춘기 자녀와 대화하는 부모 교실",
        "audiences": ["youth"],
        "topics": ["family-relations"],
        "pdf": [
            "## 먼저 들어 주세요",
            "아이의 말을 끊지 않고 끝까지 듣는 것만으로도 대화의 절반은 성공입니다.",
            "## 나 전달법",
            "'너는 왜 맨날 그러니' 대신 '늦게 들어오면 엄마는 걱정돼'처럼 부모의 마음을 "
            "전해 보세요.",
        ],
    },
    {
        "title": "우리 가족 감정 카드 활동지",
        "resource_type": "worksheet",
        "age_range": "만 5세 이상 자녀와 부모",
        "description": "가족이 함께 오늘의 감정을 고르고 이야기 나누는 활동지입니다. "
        "인쇄해서 쓰세요.",
        "program": "",
        "audiences": ["infant-parents", "youth"],
        "topics": ["family-relations"],
        "pdf": [
            "## 활동 방법",
            "1. 오늘 가장 많이 느낀 감정에 동그라미를 치세요: 기쁨, 슬픔, 화남, 걱정, 설렘.",
            "2. 그 감정을 느낀 순간을 한 문장으로 적어 보세요: ____________________",
            "3. 가족에게 듣고 싶은 말을 적어 보세요: ____________________",
            "## 부모님께",
            "아이의 감정에 옳고 그름을 따지지 말고 '그랬구나' 하고 받아 주세요.",
        ],
    },
    {
        "title": "예비부부 대화 연습 활동지",
        "resource_type": "worksheet",
        "age_range": "예비부부",
        "description": "결혼 전에 꼭 나눠야 할 질문 30가지와 가사 분담표가 담긴 활동지입니다.",
        "program": "예비부부 행복 설계 학교",
        "audiences": ["engaged-couples"],
        "topics": ["family-relations"],
        "pdf": [
            "## 함께 답해 보세요",
            "1. 명절은 어떻게 보내고 싶나요? ____________________",
            "2. 아이 계획은 어떻게 생각하나요? ____________________",
            "## 가사 분담표",
            "요리, 설거지, 빨래, 청소, 장보기를 누가 맡을지 함께 정해 보세요.",
        ],
    },
    {
        "title": "아빠와 함께하는 몸놀이 영상",
        "resource_type": "video",
        "age_range": "만 2~7세 자녀와 아빠",
        "description": "아빠와 아이가 집에서 10분 동안 할 수 있는 몸놀이를 영상으로 "
        "소개합니다. 놀이 순서는 첨부 자료에 있습니다.",
        "video_url": "https://www.youtube.com/watch?v=family-school-demo",
        "program": "",
        "audiences": ["fathers", "infant-parents"],
        "topics": ["childcare"],
        # The video's transcript (KWCAG 2.2: captions or a transcript for every video).
        "download_title": "몸놀이 영상 대본과 놀이 순서 (PDF)",
        "pdf": [
            "## 영상 대본",
            "아빠: 자, 오늘은 아빠랑 집에서 몸놀이를 해 볼까? 먼저 비행기부터 타 보자!",
            "아이: (웃으며) 더 높이! 더 높이!",
            "## 몸놀이 순서",
            "1. 비행기 태우기 2. 이불 김밥 말기 3. 아빠 다리 터널 통과하기",
            "## 주의할 점",
            "아이가 그만하자고 하면 바로 멈추고, 놀이 뒤에는 꼭 안아 주세요.",
        ],
    },
    {
        "title": "다문화가족 자녀 한국어 그림카드",
        "resource_type": "document",
        "age_range": "만 3~6세 자녀",
        "description": "가족, 음식, 동물 낱말을 그림과 함께 익히는 카드 자료입니다. "
        "이중언어 놀이 교육에서 씁니다.",
        "program": "다문화가족 부모-자녀 이중언어 놀이",
        "audiences": ["multicultural-families"],
        "topics": ["education"],
        "pdf": [
            "## 가족",
            "엄마, 아빠, 할머니, 할아버지, 언니, 오빠, 동생",
            "## 음식",
            "밥, 국, 김치, 사과, 우유",
            "## 사용 방법",
            "카드를 오려서 엄마 나라 말과 한국어로 번갈아 이름을 불러 보세요.",
        ],
    },
]
