"""Demo articles: realistic Polish news for a city social-policy portal.

(title, category slug, pinned, days ago (negative = scheduled), lead, body paragraphs)
"""

CATEGORIES = [
    ("Ekonomia społeczna", "ekonomia-spoleczna", "Spółdzielnie socjalne, CIS, przedsiębiorczość społeczna."),
    ("Organizacje pozarządowe", "organizacje-pozarzadowe", "Z życia częstochowskich fundacji i stowarzyszeń."),
    ("Konkursy i dotacje", "konkursy-i-dotacje", "Otwarte konkursy ofert, małe granty, wyniki."),
    ("Seniorzy", "seniorzy", "Oferta dla osób starszych i ich opiekunów."),
    ("Rodzina", "rodzina", "Wsparcie rodzin, świadczenia, wydarzenia rodzinne."),
    ("Zdrowie", "zdrowie", "Profilaktyka, programy zdrowotne, uzależnienia."),
    ("Wolontariat", "wolontariat", "Oferty i historie wolontariuszy."),
    ("Komunikaty", "komunikaty", "Ogłoszenia Wydziału Polityki Społecznej."),
]

SEED_ARTICLE = (
    "Częstochowa – społecznie odpowiedzialny samorząd",
    "ekonomia-spoleczna",
    True,
    20,
    "Miasto Częstochowa oraz dwa częstochowskie podmioty ekonomii społecznej zdobyły certyfikaty "
    "Znak Jakości Ekonomii Społecznej i Solidarnej 2020 w ogólnopolskim konkursie Ministerstwa Rodziny "
    "i Polityki Społecznej.",
)

ARTICLES = [
    (
        "Otwarty konkurs ofert na 2027 rok ogłoszony",
        "konkursy-i-dotacje",
        True,
        2,
        "Prezydent Miasta Częstochowy ogłosił otwarty konkurs ofert na realizację zadań publicznych "
        "w 2027 roku. Oferty można składać przez Elektroniczny Generator do 18 grudnia.",
        [
            "Konkurs obejmuje zadania z zakresu pomocy społecznej, ochrony zdrowia, działalności na rzecz osób "
            "z niepełnosprawnościami, seniorów oraz przeciwdziałania uzależnieniom. Łączna pula środków wynosi "
            "4,2 mln zł.",
            "Oferty składa się wyłącznie w Elektronicznym Generatorze, a potwierdzenie złożenia oferty należy "
            "dostarczyć do Wydziału Polityki Społecznej przy ul. Śląskiej 11/13.",
            "Zapraszamy na spotkanie informacyjne dla organizacji 4 grudnia o godz. 10.00 w sali sesyjnej "
            "Urzędu Miasta. Pracownicy wydziału odpowiedzą na pytania dotyczące formularza oferty i kosztorysu.",
        ],
    ),
    (
        "Przekaż 1,5% podatku częstochowskim organizacjom",
        "organizacje-pozarzadowe",
        True,
        5,
        "Rozliczając PIT, możesz przekazać 1,5% podatku organizacji pożytku publicznego działającej w naszym "
        "mieście. Lista organizacji z numerami KRS jest w Bazie NGO.",
        [
            "Od 2023 roku podatnicy mogą przekazać 1,5% podatku należnego wybranej organizacji pożytku publicznego. "
            "Nic to nie kosztuje: pieniądze i tak trafiłyby do budżetu państwa.",
            "W Częstochowie status OPP ma kilkadziesiąt organizacji: od fundacji pomagających dzieciom, przez kluby "
            "sportowe, po ochotnicze straże pożarne. Wystarczy wpisać numer KRS w zeznaniu podatkowym.",
        ],
    ),
    (
        "Spółdzielnia „Jasne, że bus” z nowym pojazdem dla osób z niepełnosprawnością",
        "ekonomia-spoleczna",
        False,
        7,
        "Spółdzielnia socjalna świadcząca usługi transportowe kupiła drugi bus przystosowany do przewozu osób "
        "na wózkach. Przejazdy można zamawiać telefonicznie.",
        [
            "Nowy pojazd ma windę i miejsca na dwa wózki. Dzięki niemu spółdzielnia może przyjąć więcej zleceń, "
            "m.in. dowozy na rehabilitację i do warsztatów terapii zajęciowej.",
            "Spółdzielnia powstała z inicjatywy miasta i zatrudnia osoby zagrożone wykluczeniem społecznym.",
        ],
    ),
    (
        "Gala Ekonomii Społecznej: nagrody dla liderów NGO",
        "ekonomia-spoleczna",
        False,
        12,
        "Podczas tegorocznej Gali Ekonomii Społecznej nagrodzono osoby i organizacje, które w szczególny sposób "
        "działają na rzecz mieszkańców Częstochowy.",
        [
            "Statuetki wręczono w pięciu kategoriach, w tym „Wolontariusz roku” i „Przedsiębiorstwo społeczne roku”. "
            "Nagrodę główną otrzymała Fundacja Oczami Brata za tworzenie miejsc pracy "
            "dla osób z niepełnosprawnościami.",
            "Galę współorganizował Jurajski Ośrodek Wsparcia Ekonomii Społecznej.",
        ],
    ),
    (
        "Mini forum organizacji pozarządowych – podsumowanie",
        "organizacje-pozarzadowe",
        False,
        16,
        "Ponad sześćdziesiąt osób z częstochowskich organizacji rozmawiało o sprawozdaniu z rocznego programu "
        "współpracy i o pomysłach na kolejny rok.",
        [
            "Uczestnicy zgłosili m.in. potrzebę uproszczenia sprawozdań z dotacji i większej liczby szkoleń z "
            "rozliczania projektów. Wnioski trafią do projektu programu współpracy na 2027 rok.",
            "Dziękujemy wszystkim za udział i zapraszamy do konsultacji programu, które ruszą w grudniu.",
        ],
    ),
    (
        "Dzielnicowe Ośrodki Społeczności Lokalnych zapraszają na zajęcia zimowe",
        "rodzina",
        False,
        9,
        "Trzynaście Dzielnicowych Ośrodków Społeczności Lokalnych przygotowało bezpłatne zajęcia dla dzieci, "
        "które nie wyjeżdżają na ferie.",
        [
            "W programie są warsztaty plastyczne, zajęcia sportowe, wyjścia do kina i spotkania z czytelnictwem. "
            "Zapisy prowadzą ośrodki w poszczególnych dzielnicach.",
            "Działania koordynuje Częstochowski Instytut Społeczności Lokalnych.",
        ],
    ),
    (
        "Centrum Integracji Społecznej rekrutuje uczestników",
        "ekonomia-spoleczna",
        False,
        22,
        "CIS prowadzi nabór osób, które chcą wrócić na rynek pracy. Uczestnicy zdobywają kwalifikacje w "
        "warsztatach budowlanym, ogrodniczym i gastronomicznym.",
        [
            "Zajęcia trwają do 12 miesięcy. Uczestnicy otrzymują świadczenie integracyjne, a po zakończeniu "
            "programu mogą liczyć na wsparcie w znalezieniu zatrudnienia.",
            "Więcej informacji udziela Centrum Integracji Społecznej w godzinach 7.30–15.30.",
        ],
    ),
    (
        "Europejski Tydzień Zrównoważonego Transportu w Częstochowie",
        "komunikaty",
        False,
        65,
        "Przez tydzień w mieście trwały akcje promujące transport przyjazny mieszkańcom: rowerowe przejazdy, "
        "dzień bez samochodu i bezpłatna komunikacja.",
        [
            "Do akcji włączyły się szkoły, organizacje pozarządowe i Miejskie Przedsiębiorstwo Komunikacyjne. "
            "Finałem był rodzinny przejazd rowerowy alejami Najświętszej Maryi Panny.",
        ],
    ),
    (
        "Rodzinny Piknik Organizacji Pozarządowych – dziękujemy!",
        "organizacje-pozarzadowe",
        False,
        80,
        "Ponad czterdzieści organizacji pokazało mieszkańcom, czym się zajmują. Piknik odwiedziło kilka tysięcy osób.",
        [
            "Na stoiskach można było zmierzyć ciśnienie, spróbować wspinaczki, poznać psy terapeutyczne i zapisać "
            "się do wolontariatu.",
            "Piknik jest jedną z form pozafinansowej współpracy miasta z organizacjami.",
        ],
    ),
    (
        "Wyniki konkursu „mały grant” – III edycja",
        "konkursy-i-dotacje",
        False,
        30,
        "Rozstrzygnięto trzecią w tym roku edycję małych grantów. Dofinansowanie otrzymało 14 inicjatyw "
        "sąsiedzkich, sportowych i kulturalnych.",
        [
            "Lista organizacji i kwot dotacji jest dostępna w Biuletynie Informacji Publicznej. Umowy będą "
            "podpisywane w Wydziale Polityki Społecznej od poniedziałku.",
        ],
    ),
    (
        "Częstochowska Karta Seniora – nowi partnerzy programu",
        "seniorzy",
        False,
        11,
        "Do programu dołączyło osiem firm i instytucji, które oferują zniżki dla mieszkańców powyżej 60. roku życia.",
        [
            "Kartę można otrzymać bezpłatnie w Punkcie Obsługi Mieszkańców. Wystarczy dowód osobisty.",
            "Lista partnerów jest aktualizowana co miesiąc.",
        ],
    ),
    (
        "Klub Seniora na Rakowie świętuje dziesięciolecie",
        "seniorzy",
        False,
        40,
        "Od dziesięciu lat seniorzy z Rakowa spotykają się na zajęciach ruchowych, kursach komputerowych i "
        "wycieczkach.",
        [
            "Z okazji jubileuszu klub przygotował wystawę zdjęć i koncert. Nowi członkowie są zawsze mile widziani.",
        ],
    ),
    (
        "Teleopieka dla osób starszych – jak skorzystać",
        "seniorzy",
        False,
        45,
        "Miasto rozszerza program teleopieki: opaska z przyciskiem alarmowym łączy seniora z centrum "
        "całodobowej pomocy.",
        [
            "O udział mogą się ubiegać osoby powyżej 65. roku życia, mieszkające samotnie. Wnioski przyjmuje "
            "Miejski Ośrodek Pomocy Rodzinie.",
        ],
    ),
    (
        "Rodzina 800+: wnioski na nowy okres świadczeniowy",
        "rodzina",
        False,
        50,
        "Przypominamy, że wnioski o świadczenie wychowawcze na nowy okres składa się przez internet, "
        "a świadczenie wypłaca ZUS.",
        [
            "Wniosek można złożyć przez PUE ZUS, bankowość elektroniczną lub aplikację mObywatel. "
            "W Punkcie Obsługi Mieszkańców pomożemy osobom, które nie korzystają z internetu.",
        ],
    ),
    (
        "Szkoła dla rodziców – nowa edycja warsztatów",
        "rodzina",
        False,
        24,
        "Bezpłatne warsztaty umiejętności wychowawczych prowadzą psycholodzy z Poradni Psychologiczno-Pedagogicznej.",
        [
            "Spotkania odbywają się raz w tygodniu przez dziesięć tygodni. Liczba miejsc jest ograniczona.",
        ],
    ),
    (
        "Profilaktyka raka piersi: bezpłatna mammografia w mammobusie",
        "zdrowie",
        False,
        14,
        "Mammobus stanie przy Urzędzie Miasta. Z badania mogą skorzystać kobiety w wieku 45–74 lata.",
        [
            "Badanie jest bezpłatne i nie wymaga skierowania. Warto zabrać wyniki poprzednich badań.",
        ],
    ),
    (
        "Miejski program przeciwdziałania uzależnieniom – konsultacje",
        "zdrowie",
        False,
        33,
        "Zapraszamy organizacje i mieszkańców do zgłaszania uwag do projektu programu na 2027 rok.",
        [
            "Projekt programu jest dostępny w Biuletynie Informacji Publicznej. Uwagi można przesyłać "
            "elektronicznie lub złożyć w kancelarii urzędu.",
        ],
    ),
    (
        "Punkt nieodpłatnej pomocy prawnej zmienia godziny pracy",
        "komunikaty",
        False,
        6,
        "Od grudnia punkt przy ul. Śląskiej przyjmuje także w soboty. Na wizytę trzeba się umówić telefonicznie.",
        [
            "Z porad mogą korzystać wszystkie osoby, które złożą oświadczenie, że nie są w stanie ponieść kosztów "
            "odpłatnej pomocy prawnej.",
        ],
    ),
    (
        "Wolontariusze Rescue Team szkolą mieszkańców z pierwszej pomocy",
        "wolontariat",
        False,
        18,
        "Sztab Ratownictwa i Łączności RESCUE TEAM prowadzi bezpłatne kursy pierwszej pomocy dla szkół i seniorów.",
        [
            "Kurs trwa trzy godziny i kończy się zaświadczeniem. Grupy mogą zgłaszać się przez formularz na stronie "
            "organizacji.",
        ],
    ),
    (
        "Zostań wolontariuszem w hospicjum",
        "wolontariat",
        False,
        27,
        "Hospicjum szuka osób, które mogą poświęcić kilka godzin w tygodniu na towarzyszenie chorym.",
        [
            "Kandydaci przechodzą szkolenie przygotowujące do wolontariatu. Spotkanie informacyjne odbędzie się "
            "w pierwszy czwartek miesiąca.",
        ],
    ),
    (
        "Jurajski Ośrodek Wsparcia Ekonomii Społecznej zaprasza na doradztwo",
        "ekonomia-spoleczna",
        False,
        36,
        "JOWES oferuje bezpłatne doradztwo prawne, księgowe i marketingowe dla podmiotów ekonomii społecznej.",
        [
            "Doradcy pomagają także grupom, które chcą założyć spółdzielnię socjalną. W ostatnich latach dzięki "
            "współpracy z miastem powstało 36 dotacyjnych miejsc pracy.",
        ],
    ),
    (
        "„Jasne, że manufaktura” szyje dla szpitali",
        "ekonomia-spoleczna",
        False,
        55,
        "Krawcowe ze spółdzielni socjalnej uszyły tysiąc kompletów pościeli dla miejskich placówek.",
        [
            "Spółdzielnia przyjmuje też zamówienia od mieszkańców: przeróbki, naprawy i szycie na miarę.",
        ],
    ),
    (
        "Klubokawiarnia „Jasne, że alternatywa 21” z nową kartą",
        "ekonomia-spoleczna",
        False,
        60,
        "W klubokawiarni prowadzonej przez osoby z niepełnosprawnościami pojawiły się sezonowe desery "
        "i wieczory z planszówkami.",
        [
            "Lokal jest dostępny dla osób na wózkach i ma pętlę indukcyjną przy ladzie.",
        ],
    ),
    (
        "Szkolenie: jak rozliczyć dotację z budżetu miasta",
        "konkursy-i-dotacje",
        False,
        70,
        "Wydział Polityki Społecznej zaprasza organizacje na szkolenie z rozliczania dotacji i sporządzania "
        "sprawozdań.",
        [
            "Omówimy najczęstsze błędy w sprawozdaniach i zasady przesuwania środków między pozycjami kosztorysu.",
        ],
    ),
    (
        "Konsultacje programu współpracy z organizacjami na 2027 rok",
        "organizacje-pozarzadowe",
        False,
        3,
        "Projekt rocznego programu współpracy miasta z organizacjami pozarządowymi jest gotowy do konsultacji.",
        [
            "Uwagi można zgłaszać do 15 grudnia. Program określa priorytety, formy współpracy i wysokość "
            "środków na zadania publiczne.",
        ],
    ),
    (
        "Zbiórka żywności przed świętami",
        "wolontariat",
        False,
        1,
        "Bank Żywności i parafie zbierają produkty dla potrzebujących rodzin. Zbiórka potrwa trzy dni.",
        [
            "Wolontariusze będą w sklepach w całym mieście. Najbardziej potrzebne są produkty o długim terminie "
            "przydatności.",
        ],
    ),
    (
        "Dzień Wolontariusza – zgłoś kandydata do wyróżnienia",
        "wolontariat",
        False,
        4,
        "Do końca listopada można zgłaszać wolontariuszy, którzy zasługują na podziękowanie Prezydenta Miasta.",
        [
            "Zgłoszenia mogą składać organizacje, szkoły i instytucje. Wyróżnienia zostaną wręczone 5 grudnia.",
        ],
    ),
    (
        "Miejski Ośrodek Pomocy Rodzinie: zmiana siedziby działu świadczeń",
        "komunikaty",
        False,
        90,
        "Dział świadczeń przeniósł się do budynku przy ul. Pułaskiego. Numery telefonów pozostają bez zmian.",
        [
            "Nowa siedziba jest w pełni dostępna dla osób z niepełnosprawnościami.",
        ],
    ),
    (
        "Bezpłatne badania słuchu dla seniorów",
        "zdrowie",
        False,
        100,
        "Przez dwa tygodnie w Klubach Seniora można wykonać bezpłatne badanie słuchu.",
        [
            "Badanie trwa około 15 minut. Zapisy w klubach lub telefonicznie.",
        ],
    ),
    (
        "Asystent osobisty osoby z niepełnosprawnością – nabór",
        "rodzina",
        False,
        120,
        "Miasto ponownie realizuje program asystencji osobistej. Wnioski przyjmuje Miejski Ośrodek Pomocy Rodzinie.",
        [
            "Asystent pomaga w codziennych czynnościach, dojazdach i załatwianiu spraw urzędowych.",
        ],
    ),
    (
        "Noworoczne spotkanie organizacji pozarządowych",
        "organizacje-pozarzadowe",
        False,
        -6,
        "Zapraszamy przedstawicieli organizacji na noworoczne spotkanie z Prezydentem Miasta.",
        [
            "Porozmawiamy o planach na nowy rok i o współpracy przy największych wydarzeniach w mieście.",
        ],
    ),
]

DRAFT = (
    "Harmonogram przyjmowania sprawozdań z dotacji – projekt",
    "komunikaty",
    "Szkic komunikatu o terminach składania sprawozdań z realizacji zadań publicznych.",
)
