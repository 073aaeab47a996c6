"""Demo information pages, drawn from the seed article (pps.czestochowa.pl),
with the PDFs attached to them, the easy-to-read text and the sign-language page.

A page is (slug, title, lead, body paragraphs, responsible unit, documents,
children); a document is (title, year, paragraphs of its PDF, accessible?).
"""

UNIT_ES = "Wydział Polityki Społecznej — Referat Ekonomii Społecznej"
UNIT_NGO = "Wydział Polityki Społecznej — Referat Współpracy z Organizacjami Pozarządowymi"
UNIT_FAMILY = "Wydział Polityki Społecznej — Referat Świadczeń dla Rodzin"
UNIT_CISL = "Częstochowski Instytut Społeczności Lokalnych"

COOPERATIVES = [
    (
        "jasne-ze-bus",
        "Spółdzielnia socjalna „Jasne, że bus”",
        "Usługi transportowe na rzecz osób z niepełnosprawnością.",
        [
            "Spółdzielnia przewozi osoby z niepełnosprawnością na zajęcia, do lekarzy i urzędów. Pojazdy mają "
            "najazdy i mocowania dla wózków.",
            "Spółdzielnię współtworzy Gmina Miasto Częstochowa. Zatrudnia osoby zagrożone wykluczeniem społecznym.",
        ],
    ),
    (
        "jasne-ze-manufaktura",
        "Spółdzielnia socjalna „Jasne, że manufaktura”",
        "Usługi krawieckie: szycie, przeróbki i naprawy.",
        [
            "Pracownia szyje na zamówienie, przerabia i naprawia odzież, wykonuje stroje dla zespołów i "
            "gadżety dla instytucji.",
            "Praca w spółdzielni to dla jej członków droga powrotu na rynek pracy.",
        ],
    ),
    (
        "jasne-ze-dom-i-wnetrze",
        "Spółdzielnia socjalna „Jasne, że dom i wnętrze”",
        "Renowacja mebli, usługi transportowe oraz remontowo-budowlane.",
        [
            "Spółdzielnia odnawia meble, wykonuje drobne remonty mieszkań i przewozi meble oraz sprzęt.",
        ],
    ),
    (
        "jasne-ze-alternatywa-21",
        "Spółdzielnia socjalna „Jasne, że alternatywa 21”",
        "Klubokawiarnia prowadzona przez osoby z niepełnosprawnościami.",
        [
            "W klubokawiarni pracują osoby z niepełnosprawnościami. Lokal jest dostępny dla osób poruszających "
            "się na wózkach; odbywają się w nim spotkania, koncerty i warsztaty.",
        ],
    ),
    (
        "jasne-ze-zmiana",
        "Spółdzielnia socjalna „Jasne, że zmiana”",
        "Usługi opiekuńcze dla mieszkańców miasta.",
        [
            "Opiekunki i opiekunowie spółdzielni pomagają osobom starszym i chorym w codziennych czynnościach "
            "w ich domach.",
        ],
    ),
]

PAGES = [
    (
        "rodzina-800-plus",
        "Rodzina 800+",
        "Świadczenie wychowawcze: 800 zł miesięcznie na każde dziecko do 18. roku życia. Sprawdź, kto może je "
        "dostać i gdzie złożyć wniosek.",
        [
            "Świadczenie wychowawcze „Rodzina 800+” to 800 zł miesięcznie na każde dziecko do ukończenia 18 lat, "
            "bez względu na dochód rodziny.",
            "Wniosek składa się wyłącznie przez internet: przez Platformę Usług Elektronicznych ZUS (PUE/eZUS), "
            "portal Emp@tia, bankowość elektroniczną albo aplikację mZUS. Świadczenie wypłaca Zakład "
            "Ubezpieczeń Społecznych.",
            "Osoby, które nie mogą złożyć wniosku same, otrzymają pomoc w punktach obsługi ZUS oraz w "
            "Wydziale Polityki Społecznej (pok. 401), po wcześniejszym umówieniu wizyty.",
        ],
        UNIT_FAMILY,
        [
            (
                "Informacja o świadczeniu Rodzina 800+ — jak złożyć wniosek",
                2026,
                [
                    "Świadczenie wychowawcze wynosi 800 zł miesięcznie na każde dziecko do ukończenia 18 lat.",
                    "Wniosek składa się elektronicznie: PUE/eZUS, Emp@tia, bankowość elektroniczna lub mZUS.",
                    "Pomoc w złożeniu wniosku: punkty obsługi ZUS oraz Wydział Polityki Społecznej, "
                    "ul. Śląska 11/13, pok. 401.",
                ],
                True,
            ),
        ],
        [],
    ),
    (
        "ekonomia-spoleczna",
        "Ekonomia społeczna",
        "Miasto tworzy i wspiera podmioty ekonomii społecznej: spółdzielnie socjalne, Centrum Integracji "
        "Społecznej, zakłady aktywności zawodowej i warsztaty terapii zajęciowej.",
        [
            "W 2020 roku Gmina Miasto Częstochowa zdobyła certyfikat Znak Jakości Ekonomii Społecznej i "
            "Solidarnej w kategorii „Społecznie odpowiedzialny samorząd”. Wcześniej miasto zajmowało pierwsze "
            "miejsca w konkursach „Gmina przyjazna ekonomii społecznej” (2013 i 2016) oraz „Klauzule społeczne "
            "na start” (2015).",
            "W Częstochowie zarejestrowanych jest 931 podmiotów ekonomii społecznej (stan na 22.10.2019), w tym "
            "14 spółdzielni socjalnych. Działają głównie w sporcie, turystyce, rekreacji, na rynku pracy, w "
            "kulturze, ochronie zdrowia i edukacji.",
            "Miasto jest współzałożycielem 5 spółdzielni socjalnych i założycielem Centrum Integracji "
            "Społecznej. Wspiera finansowo zakłady aktywności zawodowej oraz warsztaty terapii zajęciowej.",
        ],
        UNIT_ES,
        [
            (
                "Podmioty ekonomii społecznej w Częstochowie — zestawienie",
                2019,
                [
                    "Stan na dzień 22.10.2019: 931 podmiotów ekonomii społecznej, 78 organizacji pożytku publicznego.",
                    "Wśród nich: 223 fundacje, 37 stowarzyszeń, 20 jednostek ochotniczej straży pożarnej, "
                    "3 związki OSP, 47 klubów sportowych, 73 uczniowskie kluby sportowe, 14 spółdzielni socjalnych.",
                ],
                True,
            ),
        ],
        [
            (
                "spoldzielnie-socjalne",
                "Spółdzielnie socjalne",
                "Pięć spółdzielni socjalnych „Jasne, że…”, które miasto współtworzy z organizacjami.",
                [
                    "Spółdzielnie socjalne zatrudniają osoby zagrożone ubóstwem lub wykluczeniem społecznym: "
                    "osoby z niepełnosprawnościami, bezdomne czy uzależnione. Dzięki współpracy z Jurajskim "
                    "Ośrodkiem Wsparcia Ekonomii Społecznej utworzono 36 dotacyjnych miejsc pracy.",
                    "Spółdzielnie świadczą usługi przewozowe, krawieckie, remontowo-budowlane i opiekuńcze oraz "
                    "prowadzą klubokawiarnię. Zamawiając ich usługi, wspierasz zatrudnienie osób w trudnej "
                    "sytuacji życiowej.",
                ],
                UNIT_ES,
                [
                    (
                        "Spółdzielnie socjalne współtworzone przez miasto — dane kontaktowe i usługi",
                        2026,
                        [
                            "„Jasne, że bus” — usługi transportowe na rzecz osób z niepełnosprawnością.",
                            "„Jasne, że manufaktura” — usługi krawieckie.",
                            "„Jasne, że dom i wnętrze” — renowacja mebli, transport, usługi remontowo-budowlane.",
                            "„Jasne, że alternatywa 21” — klubokawiarnia prowadzona przez osoby z "
                            "niepełnosprawnościami.",
                            "„Jasne, że zmiana” — usługi opiekuńcze dla mieszkańców miasta.",
                        ],
                        True,
                    ),
                ],
                [(slug, title, lead, body, UNIT_ES, [], []) for slug, title, lead, body in COOPERATIVES],
            ),
            (
                "centrum-integracji-spolecznej",
                "Centrum Integracji Społecznej",
                "Samorządowy zakład budżetowy, który pomaga wrócić do pracy i do życia społecznego.",
                [
                    "Głównym celem Centrum Integracji Społecznej jest reintegracja zawodowa i społeczna osób "
                    "wykluczonych społecznie, znajdujących się w trudnej sytuacji życiowej.",
                    "Uczestnicy zdobywają kwalifikacje w warsztatach (m.in. pielęgnacja terenów zielonych, usługi "
                    "budowlane), otrzymują wsparcie psychologa i doradcy zawodowego oraz świadczenie integracyjne.",
                ],
                UNIT_ES,
                [
                    (
                        "Regulamin rekrutacji uczestników Centrum Integracji Społecznej",
                        2026,
                        [
                            "§ 1. Uczestnikiem Centrum może zostać osoba zagrożona wykluczeniem społecznym, "
                            "skierowana przez ośrodek pomocy społecznej lub urząd pracy.",
                            "§ 2. Zgłoszenia przyjmuje sekretariat Centrum w dni robocze w godzinach 8.00–15.00.",
                            "§ 3. O przyjęciu decyduje komisja rekrutacyjna w ciągu 14 dni od zgłoszenia.",
                        ],
                        True,
                    ),
                ],
                [],
            ),
            (
                "jowes",
                "Jurajski Ośrodek Wsparcia Ekonomii Społecznej",
                "Doradztwo, szkolenia i wizyty studyjne dla podmiotów ekonomii społecznej z Częstochowy i "
                "powiatów: częstochowskiego, myszkowskiego i kłobuckiego.",
                [
                    "Ośrodek prowadzi Agencja Rozwoju Regionalnego. Świadczy usługi doradcze z zakresu prawa, "
                    "marketingu i księgowości, organizuje szkolenia, warsztaty i wizyty studyjne.",
                    "Gmina Miasto Częstochowa włączyła JOWES we wszystkie tworzone partnerstwa lokalne i branżowe.",
                ],
                UNIT_ES,
                [],
                [],
            ),
        ],
    ),
    (
        "wspolpraca-z-organizacjami",
        "Współpraca z organizacjami pozarządowymi",
        "Jak miasto współpracuje z fundacjami i stowarzyszeniami: dotacje, konsultacje, szkolenia, promocja.",
        [
            "Miasto współpracuje z organizacjami w formach finansowych i pozafinansowych. Formy finansowe to "
            "zlecanie organizacjom zadań publicznych wraz z dotacją na ich wykonanie (powierzanie) albo "
            "dofinansowanie (wspieranie).",
            "Formy pozafinansowe to m.in. wzajemne informowanie się o planach, otwarte spotkania, konsultowanie "
            "projektów aktów prawa miejscowego, szkolenia, promocja na miejskich stronach, pikniki, wynajem sal "
            "i udostępnianie adresu.",
        ],
        UNIT_NGO,
        [],
        [
            (
                "program-wspolpracy",
                "Program współpracy z organizacjami pozarządowymi",
                "Roczny program współpracy miasta z organizacjami pozarządowymi: priorytety, formy, budżet, "
                "sprawozdania.",
                [
                    "Program współpracy uchwala co roku Rada Miasta po konsultacjach z organizacjami. Określa "
                    "priorytetowe zadania publiczne, formy współpracy i wysokość środków na ich realizację.",
                    "Sprawozdanie z realizacji programu omawiamy na mini forum organizacji pozarządowych: to czas "
                    "na wymianę doświadczeń, nowe pomysły i uwagi do pracy wydziału.",
                ],
                UNIT_NGO,
                [
                    (
                        "Program współpracy Miasta z organizacjami pozarządowymi na rok 2026",
                        2026,
                        [
                            "Rozdział 1. Cel główny: budowanie partnerstwa miasta i organizacji pozarządowych.",
                            "Rozdział 2. Priorytety: pomoc społeczna, wspieranie rodziny, działania na rzecz "
                            "osób z niepełnosprawnościami i osób starszych, ekonomia społeczna, sport i kultura.",
                            "Rozdział 3. Formy współpracy: zlecanie zadań publicznych, małe granty, konsultacje, "
                            "szkolenia, wspólne wydarzenia.",
                        ],
                        True,
                    ),
                    (
                        "Sprawozdanie z realizacji programu współpracy za rok 2025",
                        2026,
                        [
                            "W 2025 roku miasto ogłosiło otwarte konkursy ofert i przyznało małe granty "
                            "organizacjom pozarządowym.",
                            "Odbyły się konsultacje projektów uchwał, mini forum organizacji pozarządowych, "
                            "Rodzinny Piknik Organizacji Pozarządowych i Gala Ekonomii Społecznej.",
                        ],
                        True,
                    ),
                ],
                [],
            ),
            (
                "wydarzenia-dla-organizacji",
                "Wydarzenia dla organizacji pozarządowych",
                "Rodzinny Piknik Organizacji Pozarządowych, Gala Ekonomii Społecznej, mini forum i kampania 1,5%.",
                [
                    "Rodzinny Piknik Organizacji Pozarządowych daje liderom NGO przestrzeń do bezpośredniego "
                    "kontaktu z mieszkańcami. Podczas Gali Ekonomii Społecznej wręczamy nagrody za działalność "
                    "w organizacjach.",
                    "Co roku prowadzimy też kampanię promującą częstochowskie organizacje pożytku publicznego, "
                    "którym można przekazać 1,5% podatku, oraz Europejski Tydzień Zrównoważonego Transportu.",
                ],
                UNIT_NGO,
                [],
                [],
            ),
        ],
    ),
    (
        "dzielnicowe-osrodki-spolecznosci-lokalnych",
        "Dzielnicowe Ośrodki Społeczności Lokalnych",
        "13 ośrodków w dzielnicach, koordynowanych przez Częstochowski Instytut Społeczności Lokalnych.",
        [
            "Częstochowski Instytut Społeczności Lokalnych aktywizuje mieszkańców społecznie i zawodowo, "
            "propaguje partnerstwo i aktywność lokalną oraz koordynuje działalność 13 Dzielnicowych Ośrodków "
            "Społeczności Lokalnych.",
            "Ośrodki promują czytelnictwo, wspierają rodziców, których dzieci nie wyjeżdżają w czasie ferii i "
            "wakacji, angażują mieszkańców w akcje ekologiczne, organizują pikniki sąsiedzkie, wydarzenia "
            "kulturalne i spotkania edukacyjne.",
        ],
        UNIT_CISL,
        [
            (
                "Regulamin korzystania z Dzielnicowych Ośrodków Społeczności Lokalnych",
                2026,
                [
                    "§ 1. Z zajęć w ośrodkach mogą bezpłatnie korzystać mieszkańcy miasta.",
                    "§ 2. Dzieci do 13 lat przebywają w ośrodku pod opieką rodzica lub za jego pisemną zgodą.",
                    "§ 3. Sale ośrodka można bezpłatnie zarezerwować na spotkania mieszkańców i organizacji.",
                ],
                True,
            ),
            (
                "Harmonogram zajęć w ośrodkach — skan",
                2026,
                None,  # a scanned page without a text layer (not digitally accessible)
                False,
            ),
        ],
        [],
    ),
]

EASY_READ_TITLE = "Tekst łatwy do czytania"
EASY_READ = [
    ("h2", "Kim jesteśmy?"),
    ("p", "Jesteśmy Wydziałem Polityki Społecznej."),
    ("p", "Wydział to część Urzędu Miasta Częstochowy."),
    ("p", "Pomagamy mieszkańcom, którzy potrzebują wsparcia."),
    ("h2", "Co robimy?"),
    ("p", "Współpracujemy z organizacjami pozarządowymi."),
    ("p", "Organizacje pozarządowe to na przykład fundacje i stowarzyszenia."),
    ("p", "Dajemy organizacjom pieniądze na pomoc mieszkańcom."),
    ("p", "Wspieramy spółdzielnie socjalne."),
    ("p", "W spółdzielniach socjalnych pracują osoby, którym trudno znaleźć pracę."),
    ("p", "Prowadzimy stronę z wiadomościami, kalendarzem i bazą organizacji."),
    ("h2", "Jak się z nami skontaktować?"),
    ("p", "Możesz do nas napisać."),
    ("p", "Nasz adres e-mail to: ps@czestochowa.um.gov.pl"),
    ("p", "Możesz do nas zadzwonić."),
    ("p", "Nasz numer telefonu to: 34 370 76 31"),
    ("p", "Możesz przyjść do urzędu."),
    ("p", "Nasz adres to: ulica Śląska 11/13, pokój 401, Częstochowa."),
    ("p", "Pracujemy od poniedziałku do piątku."),
    ("h2", "Potrzebujesz pomocy?"),
    ("p", "Możesz przyjść z osobą, która Ci pomoże."),
    ("p", "Możesz przyjść z psem asystującym."),
    ("p", "Jeśli nie słyszysz, możesz umówić się z tłumaczem języka migowego."),
]

SIGN_LANGUAGE_INTRO = [
    "Na tej stronie znajdziesz informacje o Wydziale Polityki Społecznej w polskim języku migowym (PJM) oraz "
    "sposoby kontaktu dla osób głuchych i słabosłyszących.",
    "Możesz załatwić sprawę w urzędzie z pomocą tłumacza PJM. Tłumaczenie jest bezpłatne.",
]
