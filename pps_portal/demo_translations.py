"""Ukrainian and English versions of the demo content: the top-level
information pages, three news articles, the news categories and the
easy-to-read text. Everything else stays Polish, so the demo also shows the
fallback note. Idempotent: a translation an editor has written is never
overwritten; a text whose Polish original was changed is left alone too.
"""

from django.utils.html import escape

from news.models import Category, News
from pages.models import EasyReadText, Page

# Information pages at the top of the tree, by slug: (title, lead, paragraphs).
PAGES = {
    "rodzina-800-plus": {
        "uk": (
            "Родина 800+",
            "Виховна виплата: 800 злотих щомісяця на кожну дитину до 18 років. Перевірте, хто може її "
            "отримати і де подати заяву.",
            [
                "Виховна виплата «Родина 800+» — це 800 злотих щомісяця на кожну дитину до досягнення 18 років, "
                "незалежно від доходу родини.",
                "Заяву подають лише через інтернет: через Платформу електронних послуг ZUS (PUE/eZUS), портал "
                "Emp@tia, електронний банкінг або застосунок mZUS. Виплату здійснює Заклад соціального страхування "
                "(ZUS).",
                "Людям, які не можуть подати заяву самостійно, допоможуть у пунктах обслуговування ZUS і у Відділі "
                "соціальної політики (кімн. 401) після попереднього запису.",
            ],
        ),
        "en": (
            "Family 800+",
            "The child benefit: PLN 800 a month for every child under 18. Find out who can get it and where to apply.",
            [
                "The “Rodzina 800+” child benefit is PLN 800 a month for every child until they turn 18, whatever "
                "the family's income.",
                "Applications are made online only: through the ZUS electronic services platform (PUE/eZUS), the "
                "Emp@tia portal, online banking or the mZUS app. The benefit is paid by the Social Insurance "
                "Institution (ZUS).",
                "People who cannot apply on their own get help at ZUS customer service points and at the Social "
                "Policy Department (room 401), by appointment.",
            ],
        ),
    },
    "ekonomia-spoleczna": {
        "uk": (
            "Соціальна економіка",
            "Місто створює та підтримує суб'єкти соціальної економіки: соціальні кооперативи, Центр соціальної "
            "інтеграції, заклади професійної активності та майстерні трудотерапії.",
            [
                "У 2020 році гміна Ченстохова отримала сертифікат «Знак якості соціальної та солідарної економіки» "
                "в категорії «Соціально відповідальне самоврядування».",
                "У Ченстохові зареєстровано 931 суб'єкт соціальної економіки, серед них 14 соціальних кооперативів. "
                "Вони працюють переважно у спорті, туризмі, на ринку праці, у культурі, охороні здоров'я та освіті.",
                "Місто є співзасновником 5 соціальних кооперативів і засновником Центру соціальної інтеграції.",
            ],
        ),
        "en": (
            "Social economy",
            "The city founds and supports social economy organisations: social cooperatives, the Social "
            "Integration Centre, vocational activity establishments and occupational therapy workshops.",
            [
                "In 2020 the City of Częstochowa received the Social and Solidarity Economy Quality Mark in the "
                "“Socially responsible local government” category.",
                "931 social economy organisations are registered in Częstochowa, 14 of them social cooperatives. "
                "They work mostly in sport, tourism, the labour market, culture, health care and education.",
                "The city co-founded 5 social cooperatives and founded the Social Integration Centre.",
            ],
        ),
    },
    "wspolpraca-z-organizacjami": {
        "uk": (
            "Співпраця з громадськими організаціями",
            "Як місто співпрацює з фундаціями та асоціаціями: гранти, консультації, навчання, промоція.",
            [
                "Місто співпрацює з організаціями у фінансових і нефінансових формах. Фінансові форми — це "
                "доручення організаціям публічних завдань разом із дотацією на їх виконання або співфінансування.",
                "Нефінансові форми — це, зокрема, взаємне інформування про плани, відкриті зустрічі, консультації "
                "проєктів місцевих правових актів, навчання, промоція на міських сайтах і надання приміщень.",
            ],
        ),
        "en": (
            "Working with NGOs",
            "How the city works with foundations and associations: grants, consultations, training, promotion.",
            [
                "The city works with organisations in financial and non-financial ways. Financial cooperation means "
                "commissioning public tasks from organisations with a grant to carry them out, or co-financing them.",
                "Non-financial cooperation includes sharing plans, open meetings, consulting draft local "
                "regulations, training, promotion on the city's websites and lending rooms.",
            ],
        ),
    },
    "dzielnicowe-osrodki-spolecznosci-lokalnych": {
        "uk": (
            "Районні центри місцевих громад",
            "13 центрів у районах міста, які координує Ченстоховський інститут місцевих громад.",
            [
                "Ченстоховський інститут місцевих громад залучає мешканців до суспільного і професійного життя та "
                "координує роботу 13 районних центрів місцевих громад.",
                "Центри підтримують батьків, організовують сусідські пікніки, культурні заходи та освітні зустрічі.",
            ],
        ),
        "en": (
            "District community centres",
            "13 centres in the city's districts, coordinated by the Częstochowa Institute of Local Communities.",
            [
                "The Częstochowa Institute of Local Communities helps residents take part in community life and "
                "work, and coordinates the 13 district community centres.",
                "The centres support parents and organise neighbourhood picnics, cultural events and learning "
                "meetings.",
            ],
        ),
    },
}

# News articles by slug: (title, lead, paragraphs).
NEWS = {
    "przekaz-15-podatku-czestochowskim-organizacjom": {
        "uk": (
            "Передайте 1,5% податку організаціям Ченстохови",
            "Заповнюючи декларацію PIT, ви можете передати 1,5% податку організації громадської користі, яка "
            "діє в нашому місті. Список організацій із номерами KRS є в базі НУО.",
            [
                "З 2023 року платники податків можуть передати 1,5% належного податку вибраній організації "
                "громадської користі. Це нічого не коштує: ці гроші й так надійшли б до державного бюджету.",
                "У Ченстохові статус OPP мають кілька десятків організацій: від фундацій, що допомагають дітям, "
                "до спортивних клубів і добровільних пожежних команд. Достатньо вписати номер KRS у податкову "
                "декларацію.",
            ],
        ),
        "en": (
            "Give 1.5% of your tax to Częstochowa's organisations",
            "When you file your PIT return, you can give 1.5% of your tax to a public benefit organisation working "
            "in our city. The organisations and their KRS numbers are listed in the NGO register.",
            [
                "Since 2023 taxpayers can give 1.5% of the tax they owe to a public benefit organisation of their "
                "choice. It costs nothing: the money would go to the state budget anyway.",
                "Several dozen organisations in Częstochowa have public benefit status, from foundations helping "
                "children to sports clubs and volunteer fire brigades. All you need is to enter the KRS number in "
                "your tax return.",
            ],
        ),
    },
    "zbiorka-zywnosci-przed-swietami": {
        "uk": (
            "Збір продуктів перед святами",
            "Банк продуктів і парафії збирають продукти для родин, які потребують допомоги. Збір триватиме три дні.",
            [
                "Волонтери чергуватимуть у магазинах по всьому місту. Найбільше потрібні продукти з довгим терміном "
                "придатності.",
            ],
        ),
        "en": (
            "Food collection before the holidays",
            "The Food Bank and the parishes are collecting food for families in need. The collection lasts three "
            "days.",
            [
                "Volunteers will be in shops all over the city. Food with a long shelf life is needed most.",
            ],
        ),
    },
    "otwarty-konkurs-ofert-na-2027-rok-ogloszony": {
        "uk": (
            "Оголошено відкритий конкурс пропозицій на 2027 рік",
            "Президент міста Ченстохова оголосив відкритий конкурс пропозицій на виконання публічних завдань у "
            "2027 році. Пропозиції можна подавати через Електронний генератор до 18 грудня.",
            [
                "Конкурс охоплює завдання у сфері соціальної допомоги, охорони здоров'я, підтримки людей з "
                "інвалідністю, людей похилого віку та протидії залежностям. Загальний бюджет — 4,2 млн злотих.",
                "Пропозиції подають лише в Електронному генераторі, а підтвердження подання треба доставити до "
                "Відділу соціальної політики на вул. Шльонській 11/13. Запрошуємо організації на інформаційну "
                "зустріч 4 грудня о 10:00 у сесійній залі міської ради.",
            ],
        ),
        "en": (
            "Open call for proposals for 2027 announced",
            "The Mayor of Częstochowa has announced an open call for proposals to carry out public tasks in 2027. "
            "Proposals can be submitted through the Electronic Generator until 18 December.",
            [
                "The call covers social assistance, health care, support for people with disabilities and older "
                "people, and the prevention of addiction. The total budget is PLN 4.2 million.",
                "Proposals are submitted in the Electronic Generator only, and the confirmation of submission must "
                "be delivered to the Social Policy Department at ul. Śląska 11/13. Organisations are invited to an "
                "information meeting on 4 December at 10:00 in the City Hall session room.",
            ],
        ),
    },
}

CATEGORIES = {
    "ekonomia-spoleczna": {"uk": "Соціальна економіка", "en": "Social economy"},
    "organizacje-pozarzadowe": {"uk": "Громадські організації", "en": "NGOs"},
    "konkursy-i-dotacje": {"uk": "Конкурси та гранти", "en": "Calls and grants"},
    "seniorzy": {"uk": "Люди похилого віку", "en": "Older people"},
    "rodzina": {"uk": "Родина", "en": "Family"},
    "zdrowie": {"uk": "Здоров'я", "en": "Health"},
    "wolontariat": {"uk": "Волонтерство", "en": "Volunteering"},
    "komunikaty": {"uk": "Оголошення", "en": "Announcements"},
}

EASY_READ = {
    "uk": (
        "Текст, легкий для читання",
        [
            ("h2", "Хто ми?"),
            ("p", "Ми — Відділ соціальної політики."),
            ("p", "Відділ — це частина міської ради Ченстохови."),
            ("p", "Ми допомагаємо мешканцям, яким потрібна підтримка."),
            ("h2", "Що ми робимо?"),
            ("p", "Ми співпрацюємо з громадськими організаціями."),
            ("p", "Громадські організації — це, наприклад, фундації та асоціації."),
            ("p", "Ми даємо організаціям гроші на допомогу мешканцям."),
            ("p", "Ми підтримуємо соціальні кооперативи."),
            ("p", "У соціальних кооперативах працюють люди, яким важко знайти роботу."),
            ("p", "Ми ведемо сайт із новинами, календарем і базою організацій."),
            ("h2", "Як з нами зв'язатися?"),
            ("p", "Ви можете нам написати."),
            ("p", "Наша адреса e-mail: ps@czestochowa.um.gov.pl"),
            ("p", "Ви можете нам зателефонувати."),
            ("p", "Наш номер телефону: 34 370 76 31"),
            ("p", "Ви можете прийти до міської ради."),
            ("p", "Наша адреса: вулиця Шльонська 11/13, кімната 401, Ченстохова."),
            ("p", "Ми працюємо з понеділка до п'ятниці."),
            ("h2", "Вам потрібна допомога?"),
            ("p", "Ви можете прийти з людиною, яка вам допоможе."),
            ("p", "Ви можете прийти із собакою-помічником."),
            ("p", "Якщо ви не чуєте, можна домовитися про перекладача жестової мови."),
        ],
    ),
    "en": (
        "Easy-to-read text",
        [
            ("h2", "Who are we?"),
            ("p", "We are the Social Policy Department."),
            ("p", "The department is part of Częstochowa City Hall."),
            ("p", "We help people who need support."),
            ("h2", "What do we do?"),
            ("p", "We work with non-governmental organisations."),
            ("p", "Non-governmental organisations are, for example, foundations and associations."),
            ("p", "We give organisations money to help people."),
            ("p", "We support social cooperatives."),
            ("p", "Social cooperatives give work to people who find it hard to get a job."),
            ("p", "We run a website with news, a calendar and a list of organisations."),
            ("h2", "How can you contact us?"),
            ("p", "You can write to us."),
            ("p", "Our e-mail address is: ps@czestochowa.um.gov.pl"),
            ("p", "You can phone us."),
            ("p", "Our phone number is: 34 370 76 31"),
            ("p", "You can come to City Hall."),
            ("p", "Our address is: Śląska street 11/13, room 401, Częstochowa."),
            ("p", "We work from Monday to Friday."),
            ("h2", "Do you need help?"),
            ("p", "You can come with a person who helps you."),
            ("p", "You can come with an assistance dog."),
            ("p", "If you cannot hear, you can ask for a sign language interpreter."),
        ],
    ),
}


def _paragraphs(paragraphs):
    return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def _fill(obj, language, values):
    """Set each field's translation that is still empty; True when anything was set."""
    changed = False
    for field, value in values.items():
        name = f"{field}_{language}"
        if not getattr(obj, name):
            setattr(obj, name, value)
            changed = True
    return changed


def seed_translations(*, scale=1):
    """Translations of the demo texts, where they exist and are still empty. `scale` does not apply."""
    count = 0
    texts = [(Page.objects.filter(parent__isnull=True), PAGES), (News.objects.all(), NEWS)]
    for queryset, translations in texts:
        for obj in queryset.filter(slug__in=translations):
            changed = False
            for language, (title, lead, paragraphs) in translations[obj.slug].items():
                changed |= _fill(obj, language, {"title": title, "lead": lead, "body": _paragraphs(paragraphs)})
            if changed:
                obj.save()
                count += 1
    for category in Category.objects.filter(slug__in=CATEGORIES):
        changed = False
        for language, name in CATEGORIES[category.slug].items():
            changed |= _fill(category, language, {"name": name})
        if changed:
            category.save()
    easy_read = EasyReadText.load()
    changed = False
    for language, (title, blocks) in EASY_READ.items():
        body = "".join(f"<{tag}>{escape(text)}</{tag}>" for tag, text in blocks)
        changed |= _fill(easy_read, language, {"title": title, "body": body})
    if changed:
        easy_read.save()
        count += 1
    return f"Translations: {count} text(s) given Ukrainian and English versions."
