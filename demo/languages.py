"""Demo pages a newly arrived multicultural family needs first, in Korean (the source) and
translated into Simplified Chinese, Vietnamese and English.

The translations go in the way an outside translator's would: each page's PO file is filled
from these texts and imported (pages/translation.py), then published. Numbers are the real
national lines (다누리콜센터 1577-1366, 외국인종합안내센터 1345, 여성긴급전화 1366, 120, 112,
119). The last page is left untranslated on purpose: the API answers it in Korean and says
so (`meta.fallback_from`). Body lines starting with "## " are headings.
"""

TRANSLATED_LANGUAGES = ("zh-hans", "vi", "en")

# The portal home and the 가족정보 section, which the translated pages live under.
HOME = {
    "ko": {
        "title": "서울시 패밀리 포털",
        "slug": "home",
        "hero_title": "가족이 행복한 서울",
        "hero_text": "가족생활, 보육, 교육과 상담 정보를 한곳에서 찾아보세요.",
    },
    "zh-hans": {
        "title": "首尔市家庭门户网站",
        "slug": "home-zh-hans",
        "hero_title": "家庭幸福的首尔",
        "hero_text": "家庭生活、育儿、教育和咨询信息，在这里一站查找。",
    },
    "vi": {
        "title": "Cổng thông tin gia đình Seoul",
        "slug": "home-vi",
        "hero_title": "Seoul nơi mọi gia đình hạnh phúc",
        "hero_text": "Tìm thông tin về đời sống gia đình, nuôi dạy con, giáo dục và tư vấn "
        "tại một nơi.",
    },
    "en": {
        "title": "Seoul Family Portal",
        "slug": "home-en",
        "hero_title": "Seoul, where families are happy",
        "hero_text": "Find information on family life, childcare, education and counseling "
        "in one place.",
    },
}

FAMILY_INFO = {
    "ko": {
        "title": "가족정보",
        "slug": "가족정보",
        "intro": "가정생활, 보육, 돌봄, 경제 지원까지 서울 가족에게 필요한 정보를 모았습니다.",
    },
    "zh-hans": {
        "title": "家庭信息",
        "slug": "jiating-xinxi",
        "intro": "从家庭生活、育儿、照护到经济支援，汇集首尔家庭所需的信息。",
    },
    "vi": {
        "title": "Thông tin gia đình",
        "slug": "thong-tin-gia-dinh",
        "intro": "Tổng hợp thông tin cần thiết cho các gia đình ở Seoul, từ đời sống gia đình, "
        "nuôi dạy con, chăm sóc đến hỗ trợ tài chính.",
    },
    "en": {
        "title": "Family information",
        "slug": "family-information",
        "intro": "Everything Seoul families need to know, from family life, childcare and care "
        "to financial support.",
    },
}

PAGES = [
    {
        "topics": ["family-life"],
        "ko": {
            "slug": "다문화가족-지원-안내",
            "title": "다문화가족 지원 한눈에 보기",
            "intro": "한국에 온 결혼이민자와 그 가족이 처음 알아야 할 지원을 모았습니다. "
            "한국어 교육, 통역, 상담, 자녀 교육 지원은 대부분 무료입니다.",
            "contact": "다누리콜센터 1577-1366",
            "body": [
                "## 어디에서 도움을 받나요",
                "주소지 자치구의 가족센터가 다문화가족 지원의 중심입니다. 한국어 교육, 통역과 "
                "번역, 가족 상담, 자녀 언어발달 지원을 한곳에서 받을 수 있습니다.",
                "## 언제든 모국어로 물어보세요",
                "다누리콜센터 1577-1366은 1년 365일 24시간 13개 언어로 생활 정보와 상담을 "
                "안내합니다.",
            ],
        },
        "zh-hans": {
            "slug": "duo-wenhua-jiating-zhiyuan",
            "title": "多元文化家庭支援一览",
            "intro": "汇集来到韩国的婚姻移民及其家人首先需要了解的支援。韩语教育、翻译、咨询"
            "和子女教育支援大多免费。",
            "contact": "Danuri呼叫中心 1577-1366",
            "body": [
                "## 在哪里获得帮助",
                "住址所在自治区的家庭中心是多元文化家庭支援的核心。在这里可以一站式获得韩语"
                "教育、口译和笔译、家庭咨询以及子女语言发展支援。",
                "## 随时用母语咨询",
                "Danuri呼叫中心 1577-1366 全年365天、24小时用13种语言提供生活信息和咨询。",
            ],
        },
        "vi": {
            "slug": "ho-tro-gia-dinh-da-van-hoa",
            "title": "Tổng quan hỗ trợ gia đình đa văn hóa",
            "intro": "Những hỗ trợ mà người nhập cư kết hôn và gia đình mới đến Hàn Quốc cần biết "
            "trước tiên. Phần lớn các dịch vụ học tiếng Hàn, phiên dịch, tư vấn và hỗ trợ "
            "giáo dục con cái đều miễn phí.",
            "contact": "Tổng đài Danuri 1577-1366",
            "body": [
                "## Nhận hỗ trợ ở đâu",
                "Trung tâm gia đình của quận nơi bạn đăng ký cư trú là đầu mối hỗ trợ gia đình "
                "đa văn hóa. Tại đây bạn có thể học tiếng Hàn, được phiên dịch và biên dịch, "
                "tư vấn gia đình và hỗ trợ phát triển ngôn ngữ cho con.",
                "## Hỏi bằng tiếng mẹ đẻ bất cứ lúc nào",
                "Tổng đài Danuri 1577-1366 hướng dẫn thông tin sinh hoạt và tư vấn bằng 13 ngôn "
                "ngữ, 24 giờ mỗi ngày, 365 ngày trong năm.",
            ],
        },
        "en": {
            "slug": "multicultural-family-support",
            "title": "Support for multicultural families at a glance",
            "intro": "The support marriage migrants and their families should know first after "
            "arriving in Korea. Korean classes, interpreting, counseling and help with "
            "children's education are mostly free.",
            "contact": "Danuri Call Center 1577-1366",
            "body": [
                "## Where to get help",
                "The family center of the district you live in is the hub of support for "
                "multicultural families. It offers Korean classes, interpreting and translation, "
                "family counseling and language development support for children in one place.",
                "## Ask in your own language, any time",
                "The Danuri Call Center 1577-1366 gives information on daily life and counseling "
                "in 13 languages, 24 hours a day, 365 days a year.",
            ],
        },
    },
    {
        "topics": ["family-relations"],
        "ko": {
            "slug": "다누리콜센터",
            "title": "다누리콜센터 1577-1366",
            "intro": "다문화가족과 이주민을 위한 24시간 다국어 상담 전화입니다. 전화 한 통으로 "
            "생활 정보, 상담, 3자 통역을 받을 수 있습니다.",
            "contact": "다누리콜센터 1577-1366",
            "body": [
                "## 무엇을 도와주나요",
                "부부 갈등, 자녀 양육, 체류와 법률 문제, 가정폭력 같은 어려움을 모국어로 "
                "상담합니다. 병원이나 관공서와 통화할 때 3자 통역도 해 줍니다.",
                "## 어떤 언어로 상담하나요",
                "한국어, 영어, 중국어, 베트남어, 타갈로그어, 캄보디아어, 몽골어, 러시아어, "
                "일본어, 태국어, 라오스어, 우즈베크어, 네팔어로 상담합니다.",
            ],
        },
        "zh-hans": {
            "slug": "danuri-hujiao-zhongxin",
            "title": "Danuri呼叫中心 1577-1366",
            "intro": "面向多元文化家庭和移民的24小时多语种咨询电话。一通电话即可获得生活信息、"
            "咨询和三方口译。",
            "contact": "Danuri呼叫中心 1577-1366",
            "body": [
                "## 提供哪些帮助",
                "用母语咨询夫妻矛盾、子女养育、居留和法律问题、家庭暴力等困难。与医院或政府"
                "机关通话时，也提供三方口译。",
                "## 可以用哪些语言咨询",
                "可使用韩语、英语、汉语、越南语、他加禄语、柬埔寨语、蒙古语、俄语、日语、"
                "泰语、老挝语、乌兹别克语和尼泊尔语咨询。",
            ],
        },
        "vi": {
            "slug": "tong-dai-danuri",
            "title": "Tổng đài Danuri 1577-1366",
            "intro": "Đường dây tư vấn đa ngôn ngữ 24 giờ dành cho gia đình đa văn hóa và người "
            "nhập cư. Chỉ với một cuộc gọi, bạn nhận được thông tin sinh hoạt, tư vấn và "
            "phiên dịch ba bên.",
            "contact": "Tổng đài Danuri 1577-1366",
            "body": [
                "## Tổng đài giúp gì cho bạn",
                "Tư vấn bằng tiếng mẹ đẻ về mâu thuẫn vợ chồng, nuôi dạy con, vấn đề lưu trú và "
                "pháp lý, bạo lực gia đình. Khi bạn gọi cho bệnh viện hay cơ quan nhà nước, "
                "tổng đài cũng phiên dịch ba bên.",
                "## Tư vấn bằng những ngôn ngữ nào",
                "Tiếng Hàn, tiếng Anh, tiếng Trung, tiếng Việt, tiếng Tagalog, tiếng Khmer, "
                "tiếng Mông Cổ, tiếng Nga, tiếng Nhật, tiếng Thái, tiếng Lào, tiếng Uzbek và "
                "tiếng Nepal.",
            ],
        },
        "en": {
            "slug": "danuri-call-center",
            "title": "Danuri Call Center 1577-1366",
            "intro": "A 24-hour multilingual helpline for multicultural families and migrants. "
            "One call gets you information on daily life, counseling and three-way "
            "interpreting.",
            "contact": "Danuri Call Center 1577-1366",
            "body": [
                "## How it helps",
                "Counselors talk with you in your own language about conflicts between spouses, "
                "raising children, residence and legal problems, and domestic violence. They "
                "also interpret three-way when you call a hospital or a public office.",
                "## Which languages",
                "Korean, English, Chinese, Vietnamese, Tagalog, Khmer, Mongolian, Russian, "
                "Japanese, Thai, Lao, Uzbek and Nepali.",
            ],
        },
    },
    {
        "topics": ["family-life"],
        "ko": {
            "slug": "통역-번역-서비스",
            "title": "통역·번역 서비스",
            "intro": "가족센터의 통번역 지원사가 병원, 학교, 관공서 일에 통역하고 서류를 "
            "번역해 드립니다. 비용은 무료입니다.",
            "contact": "주소지 자치구 가족센터",
            "body": [
                "## 이럴 때 신청하세요",
                "아이 학교 상담, 병원 진료, 주민센터 서류 신청처럼 한국어로 설명하기 어려운 "
                "일이 있을 때 신청하세요. 가족관계증명서 같은 서류 번역도 도와드립니다.",
                "## 신청 방법",
                "가족센터에 전화하거나 방문해 날짜와 필요한 언어를 알려 주세요. 급할 때는 "
                "다누리콜센터 1577-1366에서 전화 통역을 받을 수 있습니다.",
            ],
        },
        "zh-hans": {
            "slug": "kouyi-fanyi-fuwu",
            "title": "口译·笔译服务",
            "intro": "家庭中心的翻译支援人员为您在医院、学校和政府机关办事时提供口译，并翻译"
            "文件。服务免费。",
            "contact": "住址所在自治区家庭中心",
            "body": [
                "## 这些时候请申请",
                "孩子的学校面谈、医院就诊、在居民中心申请文件等难以用韩语说明的事情，都可以"
                "申请。也可以帮助翻译家庭关系证明书等文件。",
                "## 申请方法",
                "请致电或前往家庭中心，告知日期和所需语言。紧急时可拨打Danuri呼叫中心 "
                "1577-1366 获得电话口译。",
            ],
        },
        "vi": {
            "slug": "dich-vu-phien-dich-bien-dich",
            "title": "Dịch vụ phiên dịch và biên dịch",
            "intro": "Nhân viên hỗ trợ phiên dịch của trung tâm gia đình sẽ phiên dịch cho bạn "
            "khi đến bệnh viện, trường học, cơ quan nhà nước và dịch giấy tờ. Dịch vụ miễn phí.",
            "contact": "Trung tâm gia đình của quận nơi cư trú",
            "body": [
                "## Khi nào nên đăng ký",
                "Hãy đăng ký khi có việc khó giải thích bằng tiếng Hàn, như gặp giáo viên của "
                "con, khám bệnh hay làm giấy tờ ở trung tâm hành chính phường. Trung tâm cũng "
                "giúp dịch các giấy tờ như giấy chứng nhận quan hệ gia đình.",
                "## Cách đăng ký",
                "Gọi điện hoặc đến trung tâm gia đình, cho biết ngày và ngôn ngữ bạn cần. Khi "
                "gấp, bạn có thể nhận phiên dịch qua điện thoại tại Tổng đài Danuri 1577-1366.",
            ],
        },
        "en": {
            "slug": "interpreting-and-translation",
            "title": "Interpreting and translation",
            "intro": "Interpreters at the family center go with you to hospitals, schools and "
            "public offices and translate your documents, free of charge.",
            "contact": "The family center of your district",
            "body": [
                "## When to ask",
                "Ask whenever something is hard to explain in Korean: a meeting at your child's "
                "school, a visit to the doctor, an application at the community service center. "
                "They also help translate documents such as a family relations certificate.",
                "## How to ask",
                "Call or visit the family center and tell them the date and the language you "
                "need. In a hurry, the Danuri Call Center 1577-1366 interprets over the phone.",
            ],
        },
    },
    {
        "topics": ["education"],
        "ko": {
            "slug": "한국어-교육",
            "title": "한국어 교육",
            "intro": "가족센터에서 결혼이민자를 위한 한국어 수업을 수준별로 무료로 엽니다. "
            "집으로 찾아가는 방문 한국어 교육도 있습니다.",
            "contact": "주소지 자치구 가족센터",
            "body": [
                "## 가족센터 한국어 수업",
                "처음 배우는 분부터 한국어능력시험을 준비하는 분까지 단계별 반이 있습니다. "
                "수업 중에는 아이 돌봄을 함께 운영하는 센터가 많습니다.",
                "## 사회통합프로그램",
                "법무부 사회통합프로그램에서 한국어와 한국 사회를 배우면 영주권과 국적 "
                "신청에 도움이 됩니다. 신청은 사회통합정보망에서 합니다.",
            ],
        },
        "zh-hans": {
            "slug": "hanyu-jiaoyu",
            "title": "韩语教育",
            "intro": "家庭中心为婚姻移民免费开设分级韩语课程。还有上门到家的韩语教育。",
            "contact": "住址所在自治区家庭中心",
            "body": [
                "## 家庭中心韩语课程",
                "从零基础到准备韩国语能力考试，都有分级班。许多中心在上课期间同时提供儿童照看。",
                "## 社会统合项目",
                "在法务部社会统合项目中学习韩语和韩国社会，有助于申请永久居留和国籍。请在"
                "社会统合信息网申请。",
            ],
        },
        "vi": {
            "slug": "hoc-tieng-han",
            "title": "Học tiếng Hàn",
            "intro": "Trung tâm gia đình mở lớp tiếng Hàn miễn phí theo trình độ cho người nhập "
            "cư kết hôn. Cũng có chương trình dạy tiếng Hàn tại nhà.",
            "contact": "Trung tâm gia đình của quận nơi cư trú",
            "body": [
                "## Lớp tiếng Hàn ở trung tâm gia đình",
                "Có lớp cho mọi trình độ, từ người mới bắt đầu đến người ôn thi năng lực tiếng "
                "Hàn TOPIK. Nhiều trung tâm trông trẻ giúp bạn trong giờ học.",
                "## Chương trình hội nhập xã hội",
                "Học tiếng Hàn và xã hội Hàn Quốc trong chương trình hội nhập xã hội của Bộ Tư "
                "pháp sẽ giúp ích khi xin thường trú và nhập quốc tịch. Đăng ký trên mạng thông "
                "tin hội nhập xã hội Socinet.",
            ],
        },
        "en": {
            "slug": "korean-classes",
            "title": "Korean classes",
            "intro": "Family centers run free Korean classes for marriage migrants at every "
            "level. Teachers can also come to your home.",
            "contact": "The family center of your district",
            "body": [
                "## Korean classes at the family center",
                "There are classes for every level, from complete beginners to those preparing "
                "for the TOPIK test. Many centers look after children during class.",
                "## The Korea Immigration and Integration Program",
                "Learning Korean language and society in the Ministry of Justice integration "
                "program helps when you apply for permanent residence or citizenship. Apply on "
                "the Socinet website.",
            ],
        },
    },
    {
        "topics": ["family-life"],
        "ko": {
            "slug": "가족센터-찾기",
            "title": "가족센터 찾기와 연락처",
            "intro": "서울의 25개 자치구마다 가족센터가 있습니다. 사는 곳의 가족센터를 찾아 "
            "먼저 전화해 보세요.",
            "contact": "120 다산콜센터",
            "body": [
                "## 우리 동네 가족센터 찾기",
                "가족센터는 자치구마다 한 곳 이상 있습니다. 주소를 모르면 120 다산콜센터나 "
                "구청에 물어보면 가장 가까운 센터를 알려 줍니다.",
                "## 처음 방문할 때",
                "외국인등록증과 가족관계증명서를 가져가면 등록이 빠릅니다. 상담과 교육 "
                "대부분은 미리 예약하는 것이 좋습니다.",
            ],
        },
        "zh-hans": {
            "slug": "zhao-jiating-zhongxin",
            "title": "查找家庭中心及联系方式",
            "intro": "首尔25个自治区都设有家庭中心。请找到您居住地的家庭中心，先打个电话吧。",
            "contact": "120茶山呼叫中心",
            "body": [
                "## 查找附近的家庭中心",
                "每个自治区至少有一家家庭中心。如果不知道地址，可以询问120茶山呼叫中心或区"
                "政府，他们会告诉您最近的中心。",
                "## 第一次去的时候",
                "带上外国人登录证和家庭关系证明书，登记会更快。大多数咨询和教育最好提前预约。",
            ],
        },
        "vi": {
            "slug": "tim-trung-tam-gia-dinh",
            "title": "Tìm trung tâm gia đình và số liên lạc",
            "intro": "Mỗi quận trong 25 quận của Seoul đều có trung tâm gia đình. Hãy tìm trung "
            "tâm gần nơi bạn sống và gọi điện trước.",
            "contact": "Tổng đài 120 Dasan",
            "body": [
                "## Tìm trung tâm gia đình gần nhà",
                "Mỗi quận có ít nhất một trung tâm gia đình. Nếu không biết địa chỉ, hãy hỏi "
                "Tổng đài 120 Dasan hoặc ủy ban quận để biết trung tâm gần nhất.",
                "## Lần đầu đến trung tâm",
                "Mang theo thẻ đăng ký người nước ngoài và giấy chứng nhận quan hệ gia đình để "
                "đăng ký nhanh hơn. Phần lớn buổi tư vấn và lớp học nên đặt lịch trước.",
            ],
        },
        "en": {
            "slug": "find-a-family-center",
            "title": "Finding a family center",
            "intro": "Each of Seoul's 25 districts has a family center. Find the one where you "
            "live and give it a call first.",
            "contact": "120 Dasan Call Center",
            "body": [
                "## Find your local family center",
                "Every district has at least one family center. If you do not know the address, "
                "the 120 Dasan Call Center or your district office will tell you the nearest "
                "one.",
                "## Your first visit",
                "Bring your residence card and family relations certificate to register "
                "quickly. Most counseling sessions and classes are best booked in advance.",
            ],
        },
    },
    {
        "topics": ["family-relations"],
        "ko": {
            "slug": "다문화가족-상담",
            "title": "가족 상담",
            "intro": "부부 사이의 갈등, 시댁과의 관계, 자녀 양육 고민을 전문 상담사와 "
            "나누세요. 통역을 함께 두고 상담할 수 있습니다.",
            "contact": "주소지 자치구 가족센터",
            "body": [
                "## 가족센터 상담",
                "개인 상담, 부부 상담, 가족 상담을 무료로 받을 수 있습니다. 상담 내용은 "
                "비밀로 지켜집니다.",
                "## 온라인 상담",
                "이 포털의 온라인 상담에 모국어로 질문을 남기면 상담사가 답변합니다. 질문을 "
                "쓴 언어가 함께 기록됩니다.",
            ],
        },
        "zh-hans": {
            "slug": "jiating-zixun",
            "title": "家庭咨询",
            "intro": "夫妻矛盾、与婆家的关系、子女养育的烦恼，都可以和专业咨询师聊一聊。咨询时"
            "可以安排口译。",
            "contact": "住址所在自治区家庭中心",
            "body": [
                "## 家庭中心咨询",
                "可以免费接受个人咨询、夫妻咨询和家庭咨询。咨询内容严格保密。",
                "## 在线咨询",
                "在本门户网站的在线咨询中用母语留下问题，咨询师会回复您。提问所用的语言也会"
                "一并记录。",
            ],
        },
        "vi": {
            "slug": "tu-van-gia-dinh",
            "title": "Tư vấn gia đình",
            "intro": "Hãy chia sẻ với chuyên viên tư vấn về mâu thuẫn vợ chồng, quan hệ với gia "
            "đình nhà chồng và những băn khoăn khi nuôi dạy con. Có thể tư vấn cùng phiên dịch "
            "viên.",
            "contact": "Trung tâm gia đình của quận nơi cư trú",
            "body": [
                "## Tư vấn tại trung tâm gia đình",
                "Bạn được tư vấn cá nhân, tư vấn vợ chồng và tư vấn gia đình miễn phí. Nội dung "
                "tư vấn được giữ bí mật.",
                "## Tư vấn trực tuyến",
                "Hãy để lại câu hỏi bằng tiếng mẹ đẻ ở mục tư vấn trực tuyến của cổng thông tin "
                "này, chuyên viên tư vấn sẽ trả lời. Ngôn ngữ bạn dùng để hỏi cũng được ghi lại.",
            ],
        },
        "en": {
            "slug": "family-counseling",
            "title": "Family counseling",
            "intro": "Talk to a professional counselor about conflicts with your spouse, "
            "relations with your in-laws or worries about raising your children. An "
            "interpreter can join the session.",
            "contact": "The family center of your district",
            "body": [
                "## Counseling at the family center",
                "Individual, couple and family counseling are free. What you say stays "
                "confidential.",
                "## Online counseling",
                "Leave a question in your own language in this portal's online counseling and a "
                "counselor will answer. The language you wrote in is recorded with it.",
            ],
        },
    },
    {
        "topics": ["childcare", "education"],
        "ko": {
            "slug": "자녀-언어발달-지원",
            "title": "자녀 언어발달 지원",
            "intro": "만 12세 이하 다문화가족 자녀의 말과 언어 발달을 검사하고, 필요하면 언어 "
            "교육을 무료로 지원합니다.",
            "contact": "주소지 자치구 가족센터",
            "body": [
                "## 누가 받을 수 있나요",
                "다문화가족의 만 12세 이하 자녀가 대상입니다. 언어발달지도사가 아이의 말하기와 "
                "이해 수준을 살펴봅니다.",
                "## 두 언어로 키우기",
                "엄마나 아빠의 언어와 한국어를 함께 쓰는 것은 아이에게 큰 힘이 됩니다. "
                "가족센터의 이중언어 프로그램도 함께 이용해 보세요.",
            ],
        },
        "zh-hans": {
            "slug": "zinv-yuyan-fazhan-zhiyuan",
            "title": "子女语言发展支援",
            "intro": "为12周岁以下的多元文化家庭子女检查说话和语言发展情况，必要时免费提供语言"
            "教育。",
            "contact": "住址所在自治区家庭中心",
            "body": [
                "## 谁可以申请",
                "对象是多元文化家庭中12周岁以下的子女。语言发展指导师会了解孩子的说话和理解水平。",
                "## 用两种语言养育孩子",
                "同时使用妈妈或爸爸的语言和韩语，对孩子大有帮助。也请一起参加家庭中心的双语项目。",
            ],
        },
        "vi": {
            "slug": "ho-tro-phat-trien-ngon-ngu-cho-con",
            "title": "Hỗ trợ phát triển ngôn ngữ cho con",
            "intro": "Kiểm tra khả năng nói và phát triển ngôn ngữ của trẻ từ 12 tuổi trở xuống "
            "trong gia đình đa văn hóa, và hỗ trợ dạy ngôn ngữ miễn phí khi cần.",
            "contact": "Trung tâm gia đình của quận nơi cư trú",
            "body": [
                "## Ai được hỗ trợ",
                "Con của gia đình đa văn hóa từ 12 tuổi trở xuống. Giáo viên phát triển ngôn ngữ "
                "sẽ đánh giá khả năng nói và hiểu của trẻ.",
                "## Nuôi con bằng hai ngôn ngữ",
                "Dùng cả tiếng của mẹ hoặc bố và tiếng Hàn là lợi thế lớn cho trẻ. Hãy tham gia "
                "thêm chương trình song ngữ của trung tâm gia đình.",
            ],
        },
        "en": {
            "slug": "language-development-for-children",
            "title": "Language development support for children",
            "intro": "Children of multicultural families aged 12 and under can have their speech "
            "and language development assessed, with free language lessons if needed.",
            "contact": "The family center of your district",
            "body": [
                "## Who can receive it",
                "Children of multicultural families aged 12 and under. A language development "
                "instructor looks at how well the child speaks and understands.",
                "## Raising children in two languages",
                "Using both a parent's own language and Korean is a great strength for a child. "
                "Try the family center's bilingual program as well.",
            ],
        },
    },
    {
        "topics": ["health"],
        "ko": {
            "slug": "위기-긴급-지원",
            "title": "위기 상황 긴급 지원",
            "intro": "가정폭력이나 위험한 상황에서는 혼자 견디지 마세요. 24시간 전화로 바로 "
            "도움을 요청할 수 있습니다.",
            "contact": "여성긴급전화 1366, 경찰 112, 구급 119",
            "body": [
                "## 지금 위험하다면",
                "경찰은 112, 화재와 응급 환자는 119에 전화하세요. 말이 통하지 않아도 통역을 "
                "연결해 줍니다.",
                "## 폭력 피해 상담과 보호",
                "여성긴급전화 1366과 다누리콜센터 1577-1366은 24시간 상담하고 보호시설을 "
                "안내합니다. 체류 자격 문제도 함께 상담할 수 있습니다.",
            ],
        },
        "zh-hans": {
            "slug": "weiji-jinji-zhiyuan",
            "title": "危机情况紧急支援",
            "intro": "遭遇家庭暴力或危险情况时，请不要独自忍受。可以24小时打电话立即求助。",
            "contact": "女性紧急电话 1366，警察 112，急救 119",
            "body": [
                "## 如果现在有危险",
                "报警请拨112，火灾和急救请拨119。即使语言不通，也会为您接通口译。",
                "## 暴力受害咨询与保护",
                "女性紧急电话1366和Danuri呼叫中心1577-1366提供24小时咨询并介绍庇护设施。"
                "居留资格问题也可以一并咨询。",
            ],
        },
        "vi": {
            "slug": "ho-tro-khan-cap",
            "title": "Hỗ trợ khẩn cấp khi gặp nguy hiểm",
            "intro": "Khi bị bạo lực gia đình hoặc gặp nguy hiểm, đừng chịu đựng một mình. Bạn có "
            "thể gọi điện xin giúp đỡ ngay, 24 giờ mỗi ngày.",
            "contact": "Đường dây khẩn cấp phụ nữ 1366, cảnh sát 112, cấp cứu 119",
            "body": [
                "## Nếu bạn đang gặp nguy hiểm",
                "Gọi cảnh sát 112, gọi 119 khi có hỏa hoạn hoặc cần cấp cứu. Dù không nói được "
                "tiếng Hàn, bạn vẫn được nối máy với phiên dịch viên.",
                "## Tư vấn và bảo vệ nạn nhân bạo lực",
                "Đường dây khẩn cấp phụ nữ 1366 và Tổng đài Danuri 1577-1366 tư vấn 24 giờ và "
                "giới thiệu nhà tạm lánh. Bạn cũng có thể hỏi về vấn đề tư cách lưu trú.",
            ],
        },
        "en": {
            "slug": "emergency-help",
            "title": "Emergency help",
            "intro": "If you face domestic violence or danger, do not bear it alone. You can call "
            "for help right away, 24 hours a day.",
            "contact": "Women's emergency line 1366, police 112, ambulance 119",
            "body": [
                "## If you are in danger now",
                "Call 112 for the police and 119 for fire or a medical emergency. An interpreter "
                "is connected even if you cannot speak Korean.",
                "## Counseling and shelter for victims of violence",
                "The women's emergency line 1366 and the Danuri Call Center 1577-1366 counsel "
                "you 24 hours a day and find you a shelter. You can also ask about your "
                "residence status.",
            ],
        },
    },
    {
        "topics": ["family-life"],
        "ko": {
            "slug": "체류-생활-안내",
            "title": "체류와 생활 안내",
            "intro": "외국인등록, 체류 기간 연장, 국적 취득 같은 출입국 업무는 외국인종합"
            "안내센터 1345에서 여러 언어로 안내합니다.",
            "contact": "외국인종합안내센터 1345",
            "body": [
                "## 외국인등록과 체류 연장",
                "한국에 90일 넘게 머무르면 외국인등록을 해야 합니다. 체류 기간이 끝나기 전에 "
                "출입국·외국인관서에 연장을 신청하세요.",
                "## 전화로 물어보기",
                "외국인종합안내센터 1345는 평일 낮에 여러 언어로 체류, 비자, 국적 문제를 "
                "안내합니다.",
            ],
        },
        "zh-hans": {
            "slug": "juliu-shenghuo-zhinan",
            "title": "居留与生活指南",
            "intro": "外国人登录、延长居留期限、取得国籍等出入境业务，可拨打外国人综合咨询中心 "
            "1345，用多种语言咨询。",
            "contact": "外国人综合咨询中心 1345",
            "body": [
                "## 外国人登录与延长居留",
                "在韩国停留超过90天必须办理外国人登录。请在居留期限届满前向出入境·外国人"
                "管理机关申请延长。",
                "## 电话咨询",
                "外国人综合咨询中心1345在工作日白天用多种语言解答居留、签证和国籍问题。",
            ],
        },
        "vi": {
            "slug": "huong-dan-luu-tru-va-sinh-hoat",
            "title": "Hướng dẫn lưu trú và sinh hoạt",
            "intro": "Các thủ tục xuất nhập cảnh như đăng ký người nước ngoài, gia hạn lưu trú và "
            "nhập quốc tịch được Trung tâm hướng dẫn người nước ngoài 1345 hướng dẫn bằng nhiều "
            "ngôn ngữ.",
            "contact": "Trung tâm hướng dẫn người nước ngoài 1345",
            "body": [
                "## Đăng ký người nước ngoài và gia hạn lưu trú",
                "Nếu ở Hàn Quốc quá 90 ngày, bạn phải đăng ký người nước ngoài. Hãy xin gia hạn "
                "tại cơ quan xuất nhập cảnh trước khi hết thời hạn lưu trú.",
                "## Hỏi qua điện thoại",
                "Trung tâm hướng dẫn người nước ngoài 1345 giải đáp về lưu trú, thị thực và quốc "
                "tịch bằng nhiều ngôn ngữ vào ban ngày các ngày trong tuần.",
            ],
        },
        "en": {
            "slug": "residence-and-daily-life",
            "title": "Residence and daily life",
            "intro": "For immigration matters such as alien registration, extending your stay "
            "and naturalization, the Immigration Contact Center 1345 helps in many languages.",
            "contact": "Immigration Contact Center 1345",
            "body": [
                "## Registration and extending your stay",
                "If you stay in Korea for more than 90 days you must register as a foreign "
                "resident. Apply to the immigration office for an extension before your period "
                "of stay ends.",
                "## Ask by phone",
                "The Immigration Contact Center 1345 answers questions on residence, visas and "
                "nationality in many languages on weekdays during the day.",
            ],
        },
    },
    {
        "topics": ["family-life"],
        "ko": {
            "slug": "120-외국어-상담",
            "title": "120 다산콜센터 외국어 상담",
            "intro": "서울시 생활 민원은 120으로 물어보세요. 영어, 중국어, 일본어, 베트남어, "
            "몽골어 상담원이 답합니다.",
            "contact": "120 다산콜센터",
            "body": [
                "## 무엇을 물어볼 수 있나요",
                "버스와 지하철, 쓰레기 배출, 구청 민원, 서울시 지원 사업처럼 서울 생활에 "
                "필요한 것은 무엇이든 물어볼 수 있습니다.",
                "## 외국어 상담 연결",
                "120에 전화한 뒤 안내에 따라 외국어 상담을 고르면 상담원이 연결됩니다.",
            ],
        },
        "zh-hans": {
            "slug": "120-waiyu-zixun",
            "title": "120茶山呼叫中心外语咨询",
            "intro": "首尔市生活方面的问题请拨打120咨询。有英语、汉语、日语、越南语和蒙古语"
            "咨询员为您解答。",
            "contact": "120茶山呼叫中心",
            "body": [
                "## 可以咨询什么",
                "公交和地铁、垃圾分类投放、区政府业务、首尔市支援项目等首尔生活所需的任何"
                "问题都可以咨询。",
                "## 接通外语咨询",
                "拨打120后，按照提示选择外语咨询，即可接通咨询员。",
            ],
        },
        "vi": {
            "slug": "tu-van-ngoai-ngu-120",
            "title": "Tư vấn ngoại ngữ của Tổng đài 120 Dasan",
            "intro": "Hãy gọi 120 để hỏi về các vấn đề sinh hoạt ở Seoul. Có nhân viên tư vấn "
            "tiếng Anh, tiếng Trung, tiếng Nhật, tiếng Việt và tiếng Mông Cổ.",
            "contact": "Tổng đài 120 Dasan",
            "body": [
                "## Bạn có thể hỏi gì",
                "Bạn có thể hỏi mọi điều cần cho cuộc sống ở Seoul, như xe buýt và tàu điện "
                "ngầm, cách bỏ rác, thủ tục ở ủy ban quận và các chương trình hỗ trợ của thành "
                "phố Seoul.",
                "## Kết nối tư vấn ngoại ngữ",
                "Gọi 120 rồi chọn tư vấn ngoại ngữ theo hướng dẫn, bạn sẽ được nối máy với "
                "nhân viên tư vấn.",
            ],
        },
        "en": {
            "slug": "120-foreign-language-help",
            "title": "120 Dasan Call Center in foreign languages",
            "intro": "Call 120 with any question about life in Seoul. Counselors answer in "
            "English, Chinese, Japanese, Vietnamese and Mongolian.",
            "contact": "120 Dasan Call Center",
            "body": [
                "## What you can ask",
                "Anything you need for life in Seoul: buses and the subway, putting out rubbish, "
                "business at the district office, the city's support programs.",
                "## Reaching a foreign-language counselor",
                "Call 120 and choose foreign-language help as the recording guides you, and a "
                "counselor will take your call.",
            ],
        },
    },
    {
        # Left untranslated on purpose: the other languages fall back to this Korean page.
        "topics": ["family-life"],
        "ko": {
            "slug": "다문화가족-나눔장터-자원봉사",
            "title": "다문화가족 나눔 장터 자원봉사자 모집",
            "intro": "가족센터가 여는 나눔 장터에서 모국 음식과 물건을 소개할 자원봉사자를 "
            "찾습니다. 이 글은 아직 번역되지 않았습니다.",
            "contact": "주소지 자치구 가족센터",
            "body": [
                "## 함께해 주세요",
                "장터는 봄과 가을에 열립니다. 참여를 원하면 가족센터에 이름과 연락처를 남겨 "
                "주세요.",
            ],
        },
    },
]
