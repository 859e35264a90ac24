"""Small hand-written word lists the entity stage uses as evidence (data only, no logic).

Everything here is general English/news vocabulary written for this project; nothing is taken
from an evaluation set.
"""

from __future__ import annotations

# Words before a name that make it a person ("President Putin", "Mr Michel").
PERSON_TITLES = frozenset(
    """mr mrs ms miss dr prof sir dame lord lady president premier minister chancellor king queen
    prince princess pope senator sen rep governor gov mayor judge general gen colonel col captain
    capt lieutenant lt sergeant sgt commander admiral coach manager striker midfielder defender
    goalkeeper keeper batsman bowler skipper spokesman spokeswoman spokesperson ambassador envoy
    adviser advisor secretary chairman chairwoman director officer leader chief deputy father
    brother sister mother son daughter wife husband uncle aunt cousin rev reverend archbishop
    bishop sheikh emir sultan ayatollah rabbi imam cardinal counsel lawyer attorney professor
    actor actress singer author writer poet dancer champion winner veteran rival teammate
    m mme mlle herr frau señor señora sr sra don doña""".split()
)

# Titles that only ever precede a person's name.
HONORIFICS = frozenset("mr mrs ms dr sir dame madame monsieur mme herr frau".split())

# Frequent given names (international news); a span starting with one of these is a person.
FIRST_NAMES = frozenset(
    """aaron adam adrian ahmed ahmad ahmet alan albert alberto alex alexander alexandre alexei
    alfred ali alice alain alberto alejandro alessandro ana anatoly anders andre andrea andreas
    andrei andres andrew andy angela angelo anna anne anthony antoine anton antonio ari arnold
    arthur barbara barry ben benjamin bernard bill billy bob boris brad brian bruce bruno carl
    carla carlos carmen catherine charles charlie chris christian christine christopher claude
    claudia colin craig dan daniel danny david dean dennis diana diego dimitri dmitry dominic
    don donald doug douglas ed eddie edward elena elizabeth emily emma emmanuel enrique eric
    erik ernesto eva fabio felipe felix fernando francesco francisco frank franz fred frederic
    gabriel gary gayane george georges gerald gerard gerhard giovanni giuseppe gordon graham
    greg gregory guido gunter gustavo hamid hans harry hassan heinz helen helmut henri henry
    hugo hussein ian igor ilya isabel ivan jack jacques jake james jan jane janet jason javier
    jean jeff jennifer jerry jim jimmy joachim joe johan johann john johnny jon jonathan jorge
    jose josef joseph juan julia julian julie jurgen karl kate keith ken kevin khalid klaus kurt
    larry laura laurent lee leonid linda lisa louis luc luca lucas luis mahmoud manuel marc
    marcel marco margaret maria marie mario mark martin mary massimo matt matthew maurice max
    michael michel miguel mike mikhail mohamed mohammad mohammed muhammad nancy nasser neil
    nelson nicholas nick nicolas nikolai nigel noah oleg oliver olivier omar oscar pablo patrick
    paul paulo pedro peter petr phil philip philippe pierre rafael ralf ramon ray raymond richard
    rick robert roberto robin roger roland ron ronald rudolf ruslan ryan said salim sam samuel
    sandra sarah scott sebastian sergei sergey serge simon stefan stephen steve steven stuart
    susan sven thomas tim timothy todd tom tommy tony uwe valentin vasily viktor victor vincent
    vladimir walter werner william wolfgang xavier yasser yevgeny youssef yuri yves zoran""".split()
)

# Words right before a place ("in Goris", "the town of Khojaly").
PLACE_CUES = frozenset(
    """in near at from to into across outside inside around toward towards via reached entered
    fled evacuated shelled captured bombed town city village capital province region district port island""".split()
)

# Words that end an organisation name ("Acme Corp", "Dynamo Kiev FC").
ORG_SUFFIXES = frozenset(
    """inc inc. corp corp. corporation co co. ltd ltd. plc llc ag sa gmbh nv bv spa group holdings
    bank bancorp airlines airways motors industries international association federation union
    council committee commission party ministry agency institute university college school
    fund foundation organisation organization club fc united city rovers wanderers athletic
    exchange court parliament assembly army navy police service services company network
    news times post journal press television radio tv""".split()
)

# Lower-cased forms for all-caps headline words that are ordinary English words.
COMMON_CAPS_WORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can did do does doing down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our out over own same she should so some
    such than that the their them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your win wins
    won beat beats lose loses lost draw draws drawn lead leads held hold holds take takes took
    set sets new top end ends back first second third last say says said see sees seen get gets
    got lucky lucky shock upset victory defeat result results scores score standings table
    league cup game games match matches round final finals semi quarter open title rally
    soccer football cricket tennis golf rugby baseball basketball hockey athletics cycling
    boxing racing motor skiing news market markets stocks stock shares bonds prices price rise
    rises fall falls rate rates says plan plans talks deal deals call calls report reports
    week year day today sunday monday tuesday wednesday thursday friday saturday""".split()
)

# Countries: extra English names and abbreviations (canonical name is the GeoNames name).
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "RU": ("Russia", "Russian Federation"),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "CZ": ("Czech Republic", "Czechia"),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "VN": ("Vietnam", "Viet Nam"),
    "TW": ("Taiwan",),
    "CD": ("Congo", "DR Congo", "Democratic Republic of Congo"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "MK": ("Macedonia", "North Macedonia"),
    "AE": ("UAE", "U.A.E.", "United Arab Emirates", "Emirates"),
    "NL": ("Netherlands", "Holland"),
    "BA": ("Bosnia",),
    "MD": ("Moldova",),
    "BO": ("Bolivia",),
    "VA": ("Vatican",),
    "PS": ("Palestine",),
}

# Regions and historical entities that GeoNames-by-city does not hold: (name, country, type).
REGIONS: tuple[tuple[str, str | None, str, tuple[str, ...]], ...] = (
    ("Nagorno-Karabakh", "AZ", "region", ("Nagorno Karabakh", "Karabakh", "Artsakh")),
    ("South Caucasus", None, "region", ("Transcaucasia",)),
    ("Caucasus", None, "region", ("North Caucasus",)),
    ("Soviet Union", None, "historical", ("USSR", "U.S.S.R.", "Soviet Union")),
    ("Yugoslavia", None, "historical", ()),
    ("Middle East", None, "region", ("Mideast",)),
    ("Balkans", None, "region", ()),
    ("Gaza Strip", "PS", "region", ("Gaza",)),
    ("West Bank", "PS", "region", ()),
    ("Kashmir", None, "region", ()),
    ("Kurdistan", None, "region", ()),
    ("Crimea", "UA", "region", ()),
    ("Donbas", "UA", "region", ("Donbass",)),
    ("Scandinavia", None, "region", ()),
    ("Latin America", None, "region", ()),
    ("Central Asia", None, "region", ()),
    ("Southeast Asia", None, "region", ()),
    ("Western Europe", None, "region", ()),
    ("Eastern Europe", None, "region", ()),
    ("Persian Gulf", None, "sea", ("Gulf",)),
    ("Mediterranean", None, "sea", ("Mediterranean Sea",)),
    ("Black Sea", None, "sea", ()),
    ("Caspian Sea", None, "sea", ()),
    ("Red Sea", None, "sea", ()),
    ("Baltic", None, "region", ("Baltic Sea", "Baltics")),
    ("Atlantic", None, "sea", ("Atlantic Ocean",)),
    ("Pacific", None, "sea", ("Pacific Ocean",)),
    ("Arctic", None, "region", ()),
    ("Antarctica", None, "region", ()),
    ("Siberia", "RU", "region", ()),
    ("Tibet", "CN", "region", ()),
    ("Chechnya", "RU", "region", ()),
    ("Kosovo", "XK", "region", ()),
    ("Northern Ireland", "GB", "region", ("Ulster",)),
    ("Scotland", "GB", "region", ()),
    ("England", "GB", "region", ()),
    ("Wales", "GB", "region", ()),
    ("Hong Kong", "HK", "region", ()),
    ("Wall Street", "US", "street", ()),
)

# Demonyms and nationality adjectives -> country code (NORP, never a place).
DEMONYMS: dict[str, str] = {
    "Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US", "Angolan": "AO",
    "Argentine": "AR", "Argentinian": "AR", "Armenian": "AM", "Australian": "AU",
    "Austrian": "AT", "Azerbaijani": "AZ", "Azeri": "AZ", "Bangladeshi": "BD",
    "Belarusian": "BY", "Belgian": "BE", "Bolivian": "BO", "Bosnian": "BA", "Brazilian": "BR",
    "British": "GB", "Bulgarian": "BG", "Cambodian": "KH", "Cameroonian": "CM",
    "Canadian": "CA", "Chilean": "CL", "Chinese": "CN", "Colombian": "CO", "Croatian": "HR",
    "Croat": "HR", "Cuban": "CU", "Cypriot": "CY", "Czech": "CZ", "Danish": "DK", "Dane": "DK",
    "Dutch": "NL", "Ecuadorian": "EC", "Egyptian": "EG", "English": "GB", "Eritrean": "ER",
    "Estonian": "EE", "Ethiopian": "ET", "Filipino": "PH", "Finnish": "FI", "Finn": "FI",
    "French": "FR", "Georgian": "GE", "German": "DE", "Ghanaian": "GH", "Greek": "GR",
    "Haitian": "HT", "Hungarian": "HU", "Icelandic": "IS", "Indian": "IN", "Indonesian": "ID",
    "Iranian": "IR", "Iraqi": "IQ", "Irish": "IE", "Israeli": "IL", "Italian": "IT",
    "Jamaican": "JM", "Japanese": "JP", "Jordanian": "JO", "Kazakh": "KZ", "Kenyan": "KE",
    "Korean": "KR", "Kosovar": "XK", "Kurdish": "IQ", "Kurd": "IQ", "Kuwaiti": "KW",
    "Kyrgyz": "KG", "Latvian": "LV", "Lebanese": "LB", "Libyan": "LY", "Lithuanian": "LT",
    "Macedonian": "MK", "Malaysian": "MY", "Malian": "ML", "Mexican": "MX", "Moldovan": "MD",
    "Mongolian": "MN", "Moroccan": "MA", "Nepalese": "NP", "Nigerian": "NG", "Norwegian": "NO",
    "Pakistani": "PK", "Palestinian": "PS", "Peruvian": "PE", "Polish": "PL", "Pole": "PL",
    "Portuguese": "PT", "Romanian": "RO", "Russian": "RU", "Rwandan": "RW", "Saudi": "SA",
    "Scottish": "GB", "Scot": "GB", "Serb": "RS", "Serbian": "RS", "Slovak": "SK",
    "Slovenian": "SI", "Somali": "SO", "Spanish": "ES", "Spaniard": "ES", "Sudanese": "SD",
    "Swedish": "SE", "Swede": "SE", "Swiss": "CH", "Syrian": "SY", "Taiwanese": "TW",
    "Tajik": "TJ", "Thai": "TH", "Tunisian": "TN", "Turkish": "TR", "Turk": "TR",
    "Turkmen": "TM", "Ugandan": "UG", "Ukrainian": "UA", "Uzbek": "UZ", "Venezuelan": "VE",
    "Vietnamese": "VN", "Welsh": "GB", "Yemeni": "YE", "Zambian": "ZM", "Zimbabwean": "ZW",
    "Soviet": "SU", "European": "EU", "African": "AF", "Asian": "AS", "Arab": "SA",
    "Emirati": "AE", "Qatari": "QA", "Omani": "OM", "Bahraini": "BH", "Sri Lankan": "LK",
    "New Zealander": "NZ", "South African": "ZA", "North Korean": "KP", "South Korean": "KR",
    "West Indian": "JM", "Latin American": "MX", "Balkan": "RS", "Caucasian": "GE",
}

# Organisations: conservative alias groups (canonical name first).
ORG_ALIASES: tuple[tuple[str, ...], ...] = (
    ("European Union", "EU", "E.U."),
    ("United Nations", "UN", "U.N."),
    ("North Atlantic Treaty Organization", "NATO", "Nato"),
    ("European Commission", "EC"),
    ("International Monetary Fund", "IMF"),
    ("World Health Organization", "WHO"),
    ("Federal Bureau of Investigation", "FBI"),
    ("Central Intelligence Agency", "CIA"),
    ("World Trade Organization", "WTO"),
    ("Organization of the Petroleum Exporting Countries", "OPEC", "Opec"),
    ("Collective Security Treaty Organization", "CSTO"),
    ("European Central Bank", "ECB"),
)

# Capitalised words that start a sentence or a heading but are no names (heuristic fallback).
HEURISTIC_STOP = frozenset(
    """the a an this that these those it he she they we i you his her their our my in on at
    for from with by of to and or but if when while after before during as also however
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()
)

# Sports a Reuters-style headline starts with ("SOCCER - ..."): clubs named after places are ORG.
SPORTS_WORDS = frozenset(
    """cricket soccer football baseball basketball tennis golf rugby boxing athletics cycling
    squash hockey nfl nba nhl skiing swimming volleyball handball badminton sailing motorcycling
    olympics sport sports racing motorsport formula wrestling judo rowing snooker darts
    american""".split()
)
# Team sports: only there is a bare place name a club ("Leeds beat Georgia"); in athletics,
# tennis, golf, cycling or boxing a city is the venue.
TEAM_SPORTS_WORDS = frozenset(
    """cricket soccer football baseball basketball rugby hockey nfl nba nhl volleyball
    handball""".split()
)

# Last words that make a name an event or competition (MISC), not an organisation or place.
EVENT_WORDS = frozenset(
    """open cup championship championships games prix tour trophy classic masters series
    division conference olympics marathon rally stakes derby tournament grand league""".split()
)

# Single words a model sometimes tags that are no names (table headings, plain nouns).
NOT_NAMES = frozenset(
    """men women extras attendance death total totals result results standings halftime
    scorers note notes division group automakers eurodollars pct gmt et al bowling batting
    postponed schedule abandoned cancelled wickets overs innings""".split()
)

# All-caps abbreviations in running text that are no organisation names.
NON_NAME_ACRONYMS = frozenset(
    """gmt bst est edt cet utc ceo cfo coo gdp gnp cpi ppi pct mln bln mth mths vat ipo hiv aids
    dna rna tv usd eur gbp jpy chf dem frf skr nkr dkr fim bef nlg itl esp rbi era avg faq
    pdf html url usa uae ussr nb ps am pm rip asap diy lol omg fyi etc cd dvd gps sms
    ltd inc plc corp ok""".split()
)

# Nouns right before a company name ("tyre giant Pirelli-like names", "carrier X", "rival X").
COMPANY_NOUNS = frozenset(
    """giant group firm company maker carrier airline bank insurer retailer chain conglomerate
    manufacturer producer distributor supplier operator subsidiary unit broker brokerage lender
    automaker carmaker miner refiner brewer publisher broadcaster newspaper agency""".split()
)

# Words right after a company name, possibly after "'s" and one word ("X 's cables division").
COMPANY_FOLLOWERS = frozenset(
    """shares shareholders division subsidiary subsidiaries unit units stake shareholder
    plc inc corp ltd ag sa nv spa""".split()
)
