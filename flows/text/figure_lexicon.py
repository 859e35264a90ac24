"""Lexicons for figure extraction: number words, scales, vague quantities, qualifiers, units,
currencies, category cue words and a small translation table for counted nouns.

Keys are lowercase. Entries cover English, French, Spanish, German and Arabic. Arabic keys are written as they appear; lookups
also try the normalised spelling produced by `flows.text.numbers.normalize_arabic`.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

# --- number words -------------------------------------------------------------------------
# kind: "unit" (adds), "hundred" (multiplies the pending group), "scale" (closes a group),
# "half" (adds 0.5), "article" (1, only a figure when coordinated or inside a larger number).

_EN_UNITS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "naught": 0, "nought": 0,
}
_FR_UNITS = {
    "zéro": 0, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20, "vingts": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "soixante-dix": 70,
    "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90, "septante": 70,
    "huitante": 80, "octante": 80, "nonante": 90,
}
_ES_UNITS = {
    "cero": 0, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15,
    "dieciséis": 16, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19,
    "veinte": 20, "veintiuno": 21, "veintiún": 21, "veintiun": 21, "veintiuna": 21, "veintidós": 22,
    "veintidos": 22, "veintitrés": 23, "veintitres": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiséis": 26, "veintiseis": 26, "veintisiete": 27,
    "veintiocho": 28, "veintinueve": 29, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
    "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90, "cien": 100,
    "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
    "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500,
    "seiscientos": 600, "seiscientas": 600, "setecientos": 700, "setecientas": 700,
    "ochocientos": 800, "ochocientas": 800, "novecientos": 900, "novecientas": 900,
}
_DE_UNITS = {
    "null": 0, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
}
_AR_UNITS = {
    "اثنان": 2, "اثنين": 2, "اثنتان": 2,
    "اثنتين": 2, "اثنا": 2, "اثنتا": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5,
    "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثمان": 8, "ثماني": 8, "ثمانية": 8,
    "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10, "عشرون": 20, "عشرين": 20, "ثلاثون": 30,
    "ثلاثين": 30, "أربعون": 40, "أربعين": 40, "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60,
    "سبعون": 70, "سبعين": 70, "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    "مائتان": 200, "مائتين": 200, "مئتان": 200, "مئتين": 200,
    "ثلاثمائة": 300, "ثلاثمئة": 300, "أربعمائة": 400, "أربعمئة": 400, "خمسمائة": 500,
    "خمسمئة": 500, "ستمائة": 600, "ستمئة": 600, "سبعمائة": 700, "سبعمئة": 700,
    "ثمانمائة": 800, "ثمانمئة": 800, "تسعمائة": 900, "تسعمئة": 900, "ألفان": 2000,
    "ألفين": 2000, "مليونان": 2_000_000, "مليوني": 2_000_000, "مليونين": 2_000_000,
    "ملياران": 2_000_000_000, "مليارين": 2_000_000_000, "مليارا": 1_000_000_000,
}
_HUNDREDS = {
    "hundred": 100, "cent": 100, "cents": 100, "ciento": 100, "hundert": 100, "مائة": 100,
    "مئة": 100,
    **dict.fromkeys(("dozen", "dozens", "dz", "dzs", "doz", "dozs", "douzaine", "douzaines",
                     "docena", "docenas", "dutzend", "dutzende", "dutzenden", "دستة", "دستات"), 12),
}
# Dozen words: a multiplier after a number ("three dozen"); alone, plural = vague (24),
# singular = approximately 12 ("une douzaine").
DOZEN_PLURALS = frozenset({"dozens", "douzaines", "docenas", "dutzende", "dutzenden", "dzs", "dozs", "دستات"})
_HALVES = {"half": 0.5, "medio": 0.5, "demi": 0.5, "demie": 0.5, "halb": 0.5}
# Read as 1 inside a larger number ("sixty-one", "vingt et un") or when the whole text is one.
ONE_WORDS = frozenset({"one", "un", "une", "uno", "una", "ein", "eins", "eine", "واحد", "واحدة"})
# Only the Arabic postposed "one" is scanned ("يوم واحد"); "un/une/one/ein" are read by
# `flows.text.figures` when coordinated with a count ("deux garçons et une fille").
_ARTICLES = {"واحد": 1, "واحدة": 1}
COORDINATED_ARTICLES = frozenset({"one", "un", "une", "uno", "una", "ein", "eine", "einen"})

# Singular scales: value when alone ("mil personas", "ألف قتيل"); plural scales alone are vague.
SCALES: Mapping[str, float] = MappingProxyType({
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mille": 1e3, "milliard": 1e9, "mil": 1e3, "millón": 1e6, "millon": 1e6, "billón": 1e12, "billon": 1e12,
    "tausend": 1e3, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9,
    "millions": 1e6, "milliards": 1e9, "millones": 1e6, "billones": 1e12, "billions": 1e9,
    "thousands": 1e3, "trillions": 1e12, "billionen": 1e12,
    "ألف": 1e3, "ألفا": 1e3, "ألفاً": 1e3, "آلاف": 1e3, "الاف": 1e3, "مليون": 1e6, "مليونا": 1e6,
    "مليوناً": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9, "بليون": 1e9,
    "تريليون": 1e12, "تريليونات": 1e12,
    "mn": 1e6, "mln": 1e6, "bn": 1e9, "mio": 1e6, "mrd": 1e9, "md": 1e9, "mds": 1e9,
})
# Scales that are plural forms: alone they make a vague quantity ("millions of people").
PLURAL_SCALES = frozenset({
    "millions", "milliards", "millones", "billones", "billions", "thousands", "trillions",
    "millionen", "milliarden", "آلاف", "الاف", "ملايين", "مليارات",
})
# "billion" means 1e12 in these languages.
LONG_SCALE_LANGUAGES = frozenset({"fr", "de", "es"})
# Abbreviated scales only read after a digit ("$25m", "3bn", "2 Mio.").
ABBREVIATED_SCALES = frozenset({"mn", "mln", "bn", "mio", "mrd", "md", "mds"})

NUMBER_WORDS: Mapping[str, tuple[str, float]] = MappingProxyType({
    **{w: ("unit", v) for w, v in {**_EN_UNITS, **_FR_UNITS, **_ES_UNITS, **_DE_UNITS}.items()},
    **{w: ("unit", v) for w, v in _AR_UNITS.items()},
    **{w: ("hundred", v) for w, v in _HUNDREDS.items()},
    **{w: ("half", v) for w, v in _HALVES.items()},
    **{w: ("article", v) for w, v in _ARTICLES.items()},
    **{w: ("scale", v) for w, v in SCALES.items() if w not in ABBREVIATED_SCALES},
})
# Words that are only numbers in one language and ordinary words elsewhere.
WORD_LANGUAGE: Mapping[str, str] = MappingProxyType({
    "once": "es", "sept": "fr", "cent": "fr", "cents": "fr", "seize": "fr", "elf": "de",
    "null": "de", "un": "fr|es", "une": "fr", "uno": "es", "una": "es", "ein": "de",
    "eine": "de", "einen": "de", "einem": "de", "einer": "de", "media": "es",
    "medio": "es", "demi": "fr", "demie": "fr", "halb": "de", "half": "en", "ست": "ar",
    "عشر": "ar", "miles": "es", "mil": "es|en", "mille": "fr", "dos": "es|en",
})
GERMAN_NUMBER_MORPHEMES = (
    "ein", "zwei", "drei", "vier", "fünf", "sechs", "sech", "sieben", "sieb", "acht", "neun",
    "zehn", "elf", "zwölf", "zwanzig", "fuenf", "zwoelf", "eins", "dreißig", "dreissig", "vierzig", "fünfzig", "sechzig",
    "siebzig", "achtzig", "neunzig", "hundert", "tausend", "und", "zehn", "s",
)

# --- vague and approximate quantity words -------------------------------------------------
# phrase -> lower bound (qualifier "vague", value null)
VAGUE: Mapping[str, float] = MappingProxyType({
    "hundreds": 100, "thousands": 1000, "tens of thousands": 10_000,
    "hundreds of thousands": 100_000, "millions": 1e6, "tens of millions": 1e7,
    "hundreds of millions": 1e8, "billions": 1e9, "tens": 10,
    "dizaines": 10, "centaines": 100, "milliers": 1000, "dizaines de milliers": 10_000,
    "centaines de milliers": 100_000,
    "decenas": 10, "centenares": 100, "cientos": 100, "miles": 1000, "millares": 1000,
    "decenas de miles": 10_000, "cientos de miles": 100_000, "centenares de miles": 100_000,
    "millones": 1e6, "decenas de millones": 1e7,
    "hunderte": 100, "hunderten": 100, "tausende": 1000,
    "tausenden": 1000, "zehntausende": 10_000, "zehntausenden": 10_000,
    "hunderttausende": 100_000, "hunderttausenden": 100_000, "millionen": 1e6,
    "عشرات": 10, "مئات": 100, "المئات": 100, "آلاف": 1000, "الآلاف": 1000, "الاف": 1000,
    "عشرات الآلاف": 10_000, "عشرات الاف": 10_000, "مئات الآلاف": 100_000, "ملايين": 1e6,
    "الملايين": 1e6,
})
# "une vingtaine" -> approximately 20 (value kept, bounds null)
APPROXIMATE_NOUNS: Mapping[str, float] = MappingProxyType({
    "dizaine": 10, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "millier": 1000, "decena": 10, "veintena": 20, "treintena": 30, "centenar": 100,
    "millar": 1000,
})

# --- qualifiers ----------------------------------------------------------------------------
PRE_QUALIFIERS: Mapping[str, str] = MappingProxyType({
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least", "au moins": "at_least",
    "pas moins de": "at_least", "pas moins d'": "at_least", "pas moins": "at_least",
    "au minimum": "at_least", "al menos": "at_least", "por lo menos": "at_least",
    "como mínimo": "at_least", "no menos de": "at_least", "mindestens": "at_least",
    "wenigstens": "at_least", "ما لا يقل عن": "at_least", "لا يقل عن": "at_least",
    "ما لايقل عن": "at_least", "more than": "more_than", "over": "more_than",
    "in excess of": "more_than", "upwards of": "more_than", "upward of": "more_than",
    "above": "more_than", "exceeding": "more_than", "plus de": "more_than",
    "plus d'": "more_than", "más de": "more_than", "mas de": "more_than",
    "superior a": "more_than", "superiores a": "more_than", "mehr als": "more_than",
    "über": "more_than", "أكثر من": "more_than", "اكثر من": "more_than",
    "ما يزيد على": "more_than", "ما يزيد عن": "more_than", "يزيد على": "more_than",
    "يزيد عن": "more_than", "almost": "almost", "nearly": "almost", "close to": "almost",
    "just under": "almost", "presque": "almost", "près de": "almost", "pres de": "almost",
    "quasiment": "almost", "casi": "almost", "cerca de": "almost", "fast": "almost",
    "knapp": "almost", "beinahe": "almost", "nahezu": "almost", "قرابة": "almost",
    "ما يقارب": "almost", "ما يناهز": "almost", "يناهز": "almost", "ما يقرب من": "almost",
    "an die": "almost", "أزيد من": "more_than", "ما يربو على": "more_than", "up to": "up_to",
    "as many as": "up_to", "as much as": "up_to", "as high as": "up_to",
    "jusqu'à": "up_to", "jusqu’à": "up_to", "hasta": "up_to", "bis zu": "up_to",
    "ما يصل إلى": "up_to", "ما يصل الى": "up_to", "at most": "at_most",
    "no more than": "at_most", "not more than": "at_most", "a maximum of": "at_most",
    "au plus": "at_most", "au maximum": "at_most", "tout au plus": "at_most",
    "como máximo": "at_most", "a lo sumo": "at_most", "no más de": "at_most",
    "höchstens": "at_most", "maximal": "at_most", "لا يزيد على": "at_most",
    "لا يزيد عن": "at_most", "less than": "less_than", "fewer than": "less_than",
    "under": "less_than", "below": "less_than", "moins de": "less_than",
    "moins d'": "less_than", "menos de": "less_than", "inferior a": "less_than",
    "inferiores a": "less_than", "weniger als": "less_than", "unter": "less_than",
    "أقل من": "less_than", "اقل من": "less_than", "about": "approximately",
    "around": "approximately", "some": "approximately", "roughly": "approximately",
    "an estimated": "approximately", "estimated": "approximately",
    "approximately": "approximately", "circa": "approximately", "approx.": "approximately",
    "environ": "approximately", "quelque": "approximately", "quelques": "approximately", "approximativement": "approximately",
    "aux alentours de": "approximately", "autour de": "approximately",
    "unos": "approximately", "unas": "approximately", "alrededor de": "approximately",
    "aproximadamente": "approximately", "en torno a": "approximately",
    "etwa": "approximately", "rund": "approximately", "ungefähr": "approximately",
    "zirka": "approximately", "ca.": "approximately", "gut": "approximately",
    "um die": "approximately", "so um die": "approximately",
    "نحو": "approximately", "حوالي": "approximately", "حوالى": "approximately",
    "زهاء": "approximately",
})
POST_QUALIFIERS: Mapping[str, str] = MappingProxyType({
    "at least": "at_least", "or more": "at_least", "au moins": "at_least",
    "au minimum": "at_least", "ou plus": "at_least", "al menos": "at_least",
    "como mínimo": "at_least", "o más": "at_least", "mindestens": "at_least",
    "oder mehr": "at_least", "und mehr": "at_least", "على الأقل": "at_least",
    "على الاقل": "at_least", "at most": "at_most", "au plus": "at_most",
    "como máximo": "at_most", "höchstens": "at_most", "على الأكثر": "at_most",
    "or so": "approximately", "environ": "approximately", "approximately": "approximately",
    "aproximadamente": "approximately", "etwa": "approximately", "تقريبا": "approximately",
    "تقريباً": "approximately", "or less": "at_most", "ou moins": "at_most",
})

# --- units ----------------------------------------------------------------------------------
TIME_UNITS: Mapping[str, str] = MappingProxyType({
    **dict.fromkeys(("year", "years", "yr", "yrs", "an", "ans", "année", "années", "año",
                     "años", "ano", "anos", "jahr", "jahre", "jahren", "jahres", "عام", "عاما",
                     "عاماً", "أعوام", "اعوام", "سنة", "سنوات", "سنين", "سنه"), "year"),
    **dict.fromkeys(("month", "months", "mois", "mes", "meses", "monat", "monate", "monaten",
                     "monats", "شهر", "شهرا", "شهراً", "أشهر", "اشهر", "شهور"), "month"),
    **dict.fromkeys(("week", "weeks", "semaine", "semaines", "semana", "semanas", "woche",
                     "wochen", "أسبوع", "أسبوعا", "أسابيع", "اسبوع", "اسابيع"), "week"),
    **dict.fromkeys(("day", "days", "jour", "jours", "journée", "journées", "día", "días",
                     "dia", "dias", "tag", "tage", "tagen", "يوم", "يوما", "يوماً", "أيام",
                     "ايام"), "day"),
    **dict.fromkeys(("hour", "hours", "hrs", "h", "heure", "heures", "hora", "horas", "stunde",
                     "stunden", "ساعة", "ساعات"), "hour"),
    **dict.fromkeys(("minute", "minutes", "mins", "minuto", "minutos", "minuten", "دقيقة",
                     "دقائق"), "minute"),
    **dict.fromkeys(("second", "seconds", "seconde", "secondes", "segundo", "segundos",
                     "sekunde", "sekunden", "ثانية", "ثوان"), "second"),
    **dict.fromkeys(("decade", "decades", "décennie", "décennies", "década", "décadas",
                     "jahrzehnt", "jahrzehnte", "jahrzehnten", "عقد", "عقود"), "decade"),
    **dict.fromkeys(("millennium", "millennia", "millenniums", "millénaire", "millénaires", "milenio",
                     "milenios", "jahrtausend", "jahrtausende", "ألفية"), "millennium"),
    **dict.fromkeys(("century", "centuries", "siècle", "siècles", "siglo", "siglos",
                     "jahrhundert", "jahrhunderte", "قرن", "قرون"), "century"),
})
# Unit words that are ordinary words in other languages ("an" year in French, "mes" month in
# Spanish): read only in the languages listed.
UNIT_LANGUAGES: Mapping[str, str] = MappingProxyType({"an": "fr|und", "ans": "fr|und", "mes": "es|und"})
MEASURE_UNITS: Mapping[str, str] = MappingProxyType({
    **dict.fromkeys(("km", "kms", "kilometers", "kilometres", "kilometer", "kilometre",
                     "kilomètres", "kilomètre", "kilómetros", "kilómetro", "كيلومتر",
                     "كيلومترا", "كيلومترات", "كلم", "كم"), "km"),
    **dict.fromkeys(("km/h", "kmh", "km/hr"), "km/h"),
    **dict.fromkeys(("mph",), "mph"),
    **dict.fromkeys(("m", "meters", "metres", "meter", "metre", "mètres", "mètre", "metros",
                     "metro", "متر", "مترا", "أمتار"), "m"),
    **dict.fromkeys(("cm", "centimeters", "centimetres", "centimètres", "centímetros",
                     "zentimeter", "سنتيمتر", "سنتيمترات", "سنتيمترا", "سم"), "cm"),
    **dict.fromkeys(("mm", "millimeters", "millimetres", "millimètres", "milímetros"), "mm"),
    **dict.fromkeys(("inches", "inch", "pouces", "pulgadas", "zoll"), "inch"),
    **dict.fromkeys(("kg", "kgs", "kilos", "kilo", "kilograms", "kilogrammes", "kilogramos",
                     "kilogramm", "كيلوغرام", "كيلوغراما", "كيلوجرام", "كيلوجراما", "كلغ",
                     "كغ"), "kg"),
    **dict.fromkeys(("g", "grams", "grammes", "gramos", "gramm", "غرام", "جرام"), "g"),
    **dict.fromkeys(("ton", "tons", "tonne", "tonnes", "toneladas", "tonelada", "tonnen",
                     "طن", "طنا", "أطنان"), "ton"),
    **dict.fromkeys(("litres", "liters", "litre", "liter", "litros", "litro", "لتر", "لترا",
                     "l"), "l"),
    **dict.fromkeys(("miles", "mile", "milles", "milles nautiques", "nautical miles"), "mile"),
    **dict.fromkeys(("hectares", "hectare", "hectáreas", "hektar", "هكتار"), "ha"),
    **dict.fromkeys(("degrees", "degree", "degrés", "grados", "grad", "°c", "°", "درجة",
                     "درجات"), "degree"),
    **dict.fromkeys(("mw", "megawatt", "megawatts", "mégawatts", "megavatios"), "MW"),
    **dict.fromkeys(("gw", "gigawatt", "gigawatts", "gigavatios"), "GW"),
    **dict.fromkeys(("kw", "kilowatt", "kilowatts", "kilovatios"), "kW"),
    **dict.fromkeys(("watt", "watts", "vatios"), "W"),
    **dict.fromkeys(("kwh", "kilowattstunden", "kilowatt-hours", "kilowattheures"), "kWh"),
    **dict.fromkeys(("mwh", "megawattstunden", "megawatt-hours"), "MWh"),
    **dict.fromkeys(("gwh", "gigawattstunden"), "GWh"),
    **dict.fromkeys(("twh", "terawattstunden"), "TWh"),
    **dict.fromkeys(("barrels", "barrel", "barils", "baril", "barriles", "barril", "fass", "برميل",
                     "براميل"), "barrel"),
    **dict.fromkeys(("gb", "gigabyte", "gigabytes", "gigaoctets"), "GB"),
    **dict.fromkeys(("mb", "megabyte", "megabytes", "mégaoctets"), "MB"),
    **dict.fromkeys(("tb", "terabyte", "terabytes", "téraoctets"), "TB"),
    **dict.fromkeys(("pb", "petabyte", "petabytes"), "PB"),
    **dict.fromkeys(("mbit/s", "mbit", "mbps", "megabit", "megabits"), "Mbit/s"),
    **dict.fromkeys(("megapixel", "megapixels", "mégapixels", "megapíxeles"), "megapixel"),
    **dict.fromkeys(("kubikmeter", "cubic metres", "cubic meters", "mètres cubes", "metros cúbicos",
                     "m3", "m³"), "m3"),
    **dict.fromkeys(("quadratkilometer", "km2", "km²", "square kilometres", "square kilometers"), "km2"),
})
PERCENT_WORDS = (
    "%", "٪", "percent", "per cent", "pour cent", "pourcent", "por ciento", "prozent",
    "في المائة", "في المئة", "بالمائة", "بالمئة", "بالمية", "في المية",
    "percentage points", "percentage point", "prozentpunkte", "prozentpunkten", "prozentpunkt",
    "points de pourcentage", "point de pourcentage", "puntos porcentuales", "punto porcentual",
    "نقطة مئوية", "نقاط مئوية",
)
CURRENCY_SYMBOLS: Mapping[str, str] = MappingProxyType({
    "us$": "USD", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "usd": "USD", "eur": "EUR",
    "gbp": "GBP", "sar": "SAR", "aed": "AED", "chf": "CHF", "sr": "SAR",
})
CURRENCY_WORDS: Mapping[str, str] = MappingProxyType({
    **dict.fromkeys(("dollars", "dollar", "dólares", "dólar", "dolares", "dolar", "دولار",
                     "دولارا", "دولاراً", "دولارات", "us dollars", "u.s. dollars", "u.s. dollar"), "USD"),
    **dict.fromkeys(("euros", "euro", "يورو", "€"), "EUR"),
    **dict.fromkeys(("$", "usd"), "USD"),
    **dict.fromkeys(("eur",), "EUR"),
    **dict.fromkeys(("gbp",), "GBP"),
    **dict.fromkeys(("chf",), "CHF"),
    **dict.fromkeys(("sar",), "SAR"),
    **dict.fromkeys(("aed",), "AED"),
    **dict.fromkeys(("£",), "GBP"),
    **dict.fromkeys(("pounds", "pound", "livres", "livre", "libras", "libra", "pfund",
                     "sterling", "جنيه إسترليني", "جنيه استرليني"), "GBP"),
    **dict.fromkeys(("riyals", "riyal", "rials", "ريال", "ريالا", "ريالاً", "ريالات"), "SAR"),
    **dict.fromkeys(("dirhams", "dirham", "درهم", "دراهم", "درهما"), "AED"),
    **dict.fromkeys(("dinars", "dinar", "دينار", "دينارا", "دنانير"), "KWD"),
    **dict.fromkeys(("جنيه", "جنيها", "جنيهات"), "EGP"),
    **dict.fromkeys(("yen",), "JPY"),
    **dict.fromkeys(("yuan", "renminbi"), "CNY"),
    **dict.fromkeys(("rupees", "rupee", "roupies"), "INR"),
    **dict.fromkeys(("francs", "franc", "franken"), "CHF"),
    **dict.fromkeys(("rubles", "roubles", "rublos", "rubel", "روبل"), "RUB"),
    **dict.fromkeys(("liras", "lira", "ليرة"), "TRY"),
    **dict.fromkeys(("hryvnias", "hryvnia", "hryvnas", "griwna", "griwen"), "UAH"),
    **dict.fromkeys(("kwacha",), "MWK"),
    **dict.fromkeys(("naira",), "NGN"),
    **dict.fromkeys(("rand",), "ZAR"),
    **dict.fromkeys(("rupiah",), "IDR"),
    **dict.fromkeys(("ringgit",), "MYR"),
    **dict.fromkeys(("baht",), "THB"),
    **dict.fromkeys(("shillings", "shilling", "schilling"), "KES"),
    **dict.fromkeys(("francs cfa", "franc cfa", "fcfa", "cfa"), "XOF"),
    **dict.fromkeys(("us-dollar", "us-dollars", "dollar américain", "dollars américains",
                     "dólares estadounidenses", "دولار أمريكي", "دولار امريكي"), "USD"),
    **dict.fromkeys(("درهم إماراتي", "درهم اماراتي"), "AED"),
    **dict.fromkeys(("دينار كويتي",), "KWD"),
    **dict.fromkeys(("ريال سعودي",), "SAR"),
    **dict.fromkeys(("ريال قطري",), "QAR"),
    **dict.fromkeys(("ريال عماني",), "OMR"),
    **dict.fromkeys(("جنيه مصري",), "EGP"),
    **dict.fromkeys(("pesos", "peso"), "PESO"),
})
# "pesos" resolved from the country the article names; first match wins.
PESO_COUNTRIES: tuple[tuple[str, str], ...] = (
    ("colombia", "COP"), ("argentin", "ARS"), ("chile", "CLP"), ("méxico", "MXN"),
    ("mexico", "MXN"), ("cuba", "CUP"), ("uruguay", "UYU"), ("filipin", "PHP"),
    ("philippin", "PHP"),
)

# --- categories -----------------------------------------------------------------------------
# Regex alternations (lowercase), matched as word prefixes in a window around the number.
CATEGORY_CUES: tuple[tuple[str, str], ...] = (
    ("killed", r"killed|kill(?:ing|s)\b|dead\b|deaths?\b|died|dying|murder|slain|"
               r"executed|(?:lost|claimed|taking|took|cost) (?:their |the |his |her )?lives|lives were lost|fatalit|death toll|bodies|corpses?|victims|perished|"
               r"massacred|tués?|tuées?|morts?\b|mortes?\b|décédé|périt|périrent|décès|"
               r"victimes|cadavres|corps\b|muert|murier|murió|fallec|asesinad|asesinato|"
               r"víctimas|cuerpos|cadáveres|descuartizad|ejecutad|getötet|tote\b|toten\b|"
               r"todesopfer|starben|ums leben|leichen|ermordet|قتل|قتيل|قتلى|مقتل|استشهاد|"
               r"شهيد|شهداء|حتف|وفاة|توفي(?!ر)|جثة|جثث|ضحايا|لقوا|استشهد|"
               r"sterben|gestorben|stirbt|umgekommen|tödlich|perdu la vie|perdieron la vida|"
               r"lost their lives|ont péri|abattus?\b|fusillés?|fatally|gunned down|shot dead"),
    ("wounded", r"injur|wounded|wounding|hurt\b|hospitali|in hospital|to hospital|hôpital|hospitalisé|al hospital|krankenhaus|المستشفى|casualt|blessé|blessure|"
                r"herid|lesionad|lesiones|verletz|verwundet|جرح|جريح|جرحى|إصابة|اصابة|"
                r"مصاب|أصيب|اصيب|إصابات|balead|acuchillad|apuñalad"),
    ("displaced", r"refugee|fled\b|flee(?:s|ing)?\b|displac|evacuat|homeless|asylum|exodus|"
                  r"réfugié|déplacé|évacué|fuir\b|fuient|fuyant|fuyaient|ont fui|avaient fui|ayant fui|"
                  r"enfui|sans-abri|sans abri|exil|refugiad|desplazad|huyer|huyendo|huid|evacuad|"
                  r"desalojad|sin hogar|obdachlos|vertriebene|geflüchtete|auf der flucht|مشرد|تشريد|"
                  r"flüchtling|geflüchtet|geflohen|vertrieben|evakuiert|لاجئ|نازح|نزوح|"
                  r"مهجر|فروا|هجرة|اللاجئين|نزح|تهجير"),
    ("missing", r"missing|unaccounted|disparu|desaparecid|vermisst|verschollen|مفقود"),
    ("arrested", r"arrest|detained|jailed|imprisoned|in custody|arrêté|interpellé|"
                 r"appréhendé|détenu|placés? en garde|detenid|arrestad|capturad|"
                 r"festgenommen|fest(?=[.,;])|verhaftet|inhaftiert|اعتقال|اعتقل|معتقل|القبض|موقوف|"
                 r"محتجز|توقيف|احتجاز|احتجز|سجن|حبس|festnahm|in haft|gefangen genommen|incarcéré|"
                 r"écroué|encarcelad|apresad|aprehendid"),
    ("kidnapped", r"kidnap|abduct|hostage|enlevé|otage|secuestr|rehén|rehenes|"
                  r"entführ|geisel|verschlepp|raptad|plagiad|خطف|مختطف|مخطوف|رهينة|رهائن|اختطاف|اختطف"),
)

# --- counted nouns --------------------------------------------------------------------------
# Nouns naming persons (English singular form): a count of them is category "people".
PERSON_NOUNS = frozenset({
    "people", "person", "child", "woman", "man", "civilian", "soldier", "student", "worker",
    "employee", "member", "leader", "journalist", "traveler", "traveller", "passenger",
    "defendant", "attacker", "individual", "militant", "fighter", "commander", "refugee",
    "migrant", "resident", "citizen", "baby", "girl", "boy", "mother", "father", "officer",
    "policeman", "police officer", "protester", "demonstrator", "prisoner", "detainee",
    "victim", "doctor", "nurse", "teacher", "patient", "pilgrim", "volunteer", "activist",
    "family", "adult", "teenager", "youth", "inhabitant", "voter", "player", "official",
    "minister", "lawmaker", "deputy", "senator", "judge", "lawyer", "suspect", "gunman",
    "rebel", "insurgent", "troop", "guard", "staff", "farmer", "user", "visitor", "tourist",
    "fan", "spectator", "delegate", "candidate", "participant", "survivor", "hostage",
    "noncombatant", "asylum seeker", "seeker", "police officer", "aid worker",
    "health worker", "civil servant", "security guard", "border guard", "family member", "immigrant", "jew", "muslim", "christian",
    "briton", "terrorist", "jihadist", "police", "brother", "sister", "son", "daughter",
    "wife", "husband", "infant", "newborn", "student", "pupil", "elderly", "mexican",
    "african", "israeli", "yemeni", "syrian", "kuwaiti", "saudi", "pakistani", "afghan",
    "iraqi", "palestinian", "american", "egyptian", "spaniard", "german", "frenchman",
    "agent", "mayor", "governor", "president", "priest", "monk", "nun", "bishop",
    "imam", "pilot", "engineer", "scientist", "researcher", "expert", "author", "writer",
    "artist", "actor", "singer", "athlete", "coach", "referee", "fisherman", "hunter",
    "shepherd", "adviser", "advisor", "aide", "staffer", "executive", "director", "manager",
    "diplomat", "envoy", "ambassador", "representative", "delegate", "veteran", "cadet",
    "recruit", "marine", "sailor", "airman", "peacekeeper", "policeman", "firefighter",
    "paramedic", "rescuer", "worker", "laborer", "labourer", "student", "graduate", "applicant",
    "customer", "consumer", "client", "resident", "neighbor", "neighbour", "friend", "relative",
    "parent", "grandparent", "grandmother", "grandfather", "uncle", "aunt", "cousin", "orphan",
    "widow", "suspect", "convict", "inmate", "defendant", "plaintiff", "witness", "juror",
    "martyr", "minor", "gang member", "policemen", "local", "kid",
    "employee", "owner", "driver", "crew", "sailor", "miner", "healthworker",
})
KILLED_NOUNS = frozenset({"body", "corpse", "death", "dead", "fatality", "victim"})

# Foreign counted nouns -> English singular (the `object` field is English).
NOUN_TRANSLATIONS: Mapping[str, str] = MappingProxyType({
    # French
    "personnes": "person", "personne": "person", "gens": "people", "hommes": "man",
    "homme": "man", "femmes": "woman", "femme": "woman", "enfants": "child", "enfant": "child",
    "soldats": "soldier", "soldat": "soldier", "réfugiés": "refugee", "réfugié": "refugee",
    "civils": "civilian", "morts": "person", "mort": "person", "blessés": None,
    "victimes": "victim", "policiers": "police officer", "militaires": "soldier",
    "manifestants": "protester", "habitants": "inhabitant", "élèves": "pupil",
    "lycéens": "student", "lycéen": "student", "étudiants": "student", "salariés": "employee",
    "employés": "employee", "travailleurs": "worker", "membres": "member", "membre": "member",
    "britanniques": "briton", "juifs": "jew", "agresseurs": "attacker", "individus": "individual",
    "maisons": "house", "foyers": "household", "vols": "flight", "appels": "call",
    "états": "state", "pays": "country", "villes": "city",
    "sites": "site", "tunnels": "tunnel", "pib": "gdp", "impôts": "tax", "taxes": "tax",
    "bebé": "baby", "bebés": "baby", "familles": "family",
    "migrants": "migrant", "otages": "hostage", "détenus": "detainee", "prisonniers": "prisoner",
    "députés": "deputy", "voix": "vote", "votes": "vote", "sièges": "seat", "écoles": "school",
    "hôpitaux": "hospital", "bâtiments": "building", "voitures": "car", "véhicules": "vehicle",
    "emplois": "job", "entreprises": "company", "patients": "patient", "médecins": "doctor",
    "journalistes": "journalist", "militants": "militant", "combattants": "fighter",
    "père": "father", "mère": "mother", "fils": "son", "filles": "girl", "garçons": "boy",
    "bébés": "baby", "bébé": "baby", "touristes": "tourist", "passagers": "passenger",
    "ménages": "household", "logements": "home", "arbres": "tree", "projets": "project",
    # Spanish
    "personas": "person", "persona": "person", "hombres": "man", "hombre": "man",
    "mujeres": "woman", "mujer": "woman", "niños": "child", "niño": "child", "niñas": "girl",
    "niña": "girl", "menores": "minor", "menor": "minor", "soldados": "soldier",
    "refugiados": "refugee", "civiles": "civilian", "muertos": "person", "muertes": "death",
    "muerte": "death", "heridos": None, "víctimas": "victim", "cuerpos": "body",
    "cadáveres": "corpse", "periodistas": "journalist", "alcaldes": "mayor",
    "alcalde": "mayor", "inmigrantes": "immigrant", "migrantes": "migrant",
    "policías": "police officer", "agentes": "agent", "trabajadores": "worker",
    "compañías": "company", "empresas": "company", "estados": "state", "países": "country",
    "palabras": "word", "veces": "time", "votos": "vote", "escaños": "seat",
    "comités": "committee", "detenidos": "detainee", "sirios": "syrian",
    "mexicanos": "mexican", "estudiantes": "student", "habitantes": "inhabitant",
    "familias": "family", "casas": "house", "viviendas": "home", "coches": "car",
    "vehículos": "vehicle", "líderes": "leader", "miembros": "member",
    "asesinados": "person", "pandilleros": "gang member",
    
    # German
    "menschen": "people", "personen": "person", "person": "person", "mann": "man",
    "frau": "woman", "mädchen": "girl", "junge": "boy", "jungen": "boy", "baby": "baby",
    "soldat": "soldier", "polizist": "police officer", "flüchtling": "refugee", "männer": "man", "frauen": "woman",
    "kinder": "child", "kind": "child", "soldaten": "soldier", "flüchtlinge": "refugee",
    "zivilisten": "civilian", "tote": "person", "toten": "person", "verletzte": None,
    "opfer": "victim", "polizisten": "police officer", "einwohner": "inhabitant",
    "mitarbeiter": "employee", "arbeiter": "worker", "schüler": "pupil", "studenten": "student",
    "mitglieder": "member", "häuser": "house", "länder": "country", "staaten": "state",
    "stimmen": "vote", "sitze": "seat", "jugendliche": "youth", "migranten": "migrant",
    "demonstranten": "protester", "geiseln": "hostage", "häftlinge": "prisoner",
    "familien": "family", "wohnungen": "apartment", "euro": None, "prozent": None,
    "asylwerber": "asylum seeker", "fälle": "case", "patienten": "patient",
    "beamte": "official", "polizeibeamte": "police officer", "helfer": "helper",
    "einsatzkräfte": "rescuer", "feuerwehrleute": "firefighter", "brüder": "brother", "schwestern": "sister", "söhne": "son", "töchter": "daughter",
    "palästinenser": "palestinian", "israelis": "israeli", "syrer": "syrian",
    "afghanen": "afghan", "tatverdächtige": "suspect", "verdächtige": "suspect",
    "angeklagte": "defendant", "straftaten": "offence", "delikte": "offence",
    "punkte": "point", "spiele": "game", "tore": "goal", "partien": "game", "siege": "win",
    "arbeitsplätze": "job", "jobs": "job", "gemeinden": "municipality",
    "unternehmen": "company", "firmen": "company", "betriebe": "company",
    "todesopfer": "victim", "bewohner": "resident", "besucher": "visitor",
    "zuschauer": "spectator", "teilnehmer": "participant", "anträge": "application",
    "asylanträge": "asylum application", "projekte": "project", "schulen": "school",
    "krankenhäuser": "hospital", "autos": "car", "fahrzeuge": "vehicle", "flüge": "flight",
    "mandate": "seat", "abgeordnete": "deputy", "bürger": "citizen", "kunden": "customer",
    "beschäftigte": "employee", "lehrer": "teacher", "ärzte": "doctor", "jugendlichen": "youth",
    "schüler": "pupil", "gefangene": "prisoner",
    "verletzten": None, "getötete": "person", "festgenommene": "person", "leute": "people",
    # more French and Spanish
    "enfant-soldats": "child soldier",
    "fallecidos": "person",
    "desaparecidos": "person", "secuestrados": "person", "heridas": None,
    "ciudadanos": "citizen", "votantes": "voter", "pacientes": "patient", "médicos": "doctor",
    "profesores": "teacher", "alumnos": "pupil", "jóvenes": "youth", "presos": "prisoner",
    "reclusos": "prisoner", "manifestantes": "protester", "militares": "soldier",
    "agresores": "attacker", "sospechosos": "suspect", "acusados": "defendant",
    "turistas": "tourist", "pasajeros": "passenger", "viajeros": "traveler",
    "empleados": "employee", "empleos": "job", "puestos": "job", "hogares": "household",
    "municipios": "municipality", "ciudades": "city", "pueblos": "town", "edificios": "building",
    "hospitales": "hospital", "escuelas": "school", "partidos": "party", "goles": "goal",
    "casos": "case", "proyectos": "project", "leyes": "law", "medidas": "measure",
    "citoyens": "citizen", "électeurs": "voter", "enseignants": "teacher", "suspects": "suspect",
    "accusés": "defendant", "communes": "municipality", "cas": "case", "lois": "law",
    "mesures": "measure", "buts": "goal", "matchs": "game",
    "attentats": "attack", "attaques": "attack", "ataques": "attack", "anschläge": "attack",
    "explosions": "explosion", "explosiones": "explosion", "frappes": "strike",
    "bombardements": "bombing", "bombardeos": "bombing", "raids": "raid",

    # Arabic (normalised forms are added by the loader in figures.py)
    "شخص": "person", "شخصا": "person", "شخصاً": "person", "أشخاص": "person",
    "اشخاص": "person", "قتيل": "person", "قتيلا": "person", "قتيلاً": "person",
    "قتلى": "person", "جريح": None, "جرحى": None, "مدني": "civilian", "مدنيا": "civilian",
    "مدنيين": "civilian", "مدنياً": "civilian", "جندي": "soldier", "جنديا": "soldier",
    "جنود": "soldier", "طفل": "child", "طفلا": "child", "أطفال": "child", "اطفال": "child",
    "امرأة": "woman", "نساء": "woman", "رجل": "man", "رجال": "man", "رجلا": "man",
    "مسلحا": "militant", "مسلحين": "militant", "مسلح": "militant", "قادة": "commander",
    "مقاتلين": "fighter", "مقاتلا": "fighter", "مقاتل": "fighter", "المتشددين": "militant",
    "متشددين": "militant", "الطلبة": "student", "طالب": "student", "طلاب": "student",
    "طالبا": "student", "متهما": "defendant", "متهمين": "defendant", "متهم": "defendant",
    "مسافر": "traveler", "مسافرا": "traveler", "مسافرين": "traveler", "المسافرين": "traveler",
    "لاجئ": "refugee", "لاجئا": "refugee", "لاجئين": "refugee",
    "حاج": "pilgrim", "حاجا": "pilgrim", "حجاج": "pilgrim", "معتقلا": "detainee",
    "سجين": "prisoner", "سجينا": "prisoner", "عامل": "worker", "عاملا": "worker",
    "عمال": "worker", "موظف": "employee", "موظفا": "employee", "مواطن": "citizen",
    "مواطنا": "citizen", "مواطنين": "citizen", "كويتيين": "kuwaiti", "سعوديين": "saudi",
    "باكستانيين": "pakistani", "يمنيين": "yemeni", "سوريين": "syrian", "عراقيين": "iraqi",
    "فلسطينيين": "palestinian", "أفغان": "afghan", "منزل": "house", "منازل": "house",
    "سيارة": "car", "سيارات": "car", "مدينة": "city", "مدن": "city", "دولة": "country",
    "دول": "country", "مشروع": "project", "مشروعا": "project", "مشاريع": "project",
    "غارة": "strike", "غارات": "strike", "صاروخ": "missile", "صواريخ": "missile",
    "مسجد": "mosque", "مدرسة": "school", "مدارس": "school", "مستشفى": "hospital",
    "إرهابي": "terrorist", "إرهابيا": "terrorist", "ارهابيا": "terrorist",
    "عنصرا": "member", "عناصر": "member", "فرد": "individual", "أفراد": "individual",
    "شهيد": "martyr", "شهيدا": "martyr", "شهداء": "martyr", "ضحية": "victim", "ضحايا": "victim",
    "قذيفة": "shell", "قذائف": "shell", "حالة": "case", "حالات": "case", "جثة": "body",
    "جثث": "body",
    # singular forms (plurals are found by `flows.text.figures._noun_forms`)
    "maison": "house", "bâtiment": "building", "immeuble": "building", "véhicule": "vehicle",
    "voiture": "car", "camion": "truck", "bateau": "boat", "avion": "plane", "missile": "missile",
    "roquette": "rocket", "bombe": "bomb", "frappe": "strike", "village": "village",
    "ville": "city", "région": "region", "province": "province", "camp": "camp",
    "tente": "tent", "école": "school", "hôpital": "hospital", "mosquée": "mosque",
    "église": "church", "dose": "dose", "vaccin": "vaccine", "test": "test", "lit": "bed",
    "entreprise": "company", "société": "company", "magasin": "shop", "siège": "seat",
    "candidat": "candidate", "parti": "party", "fois": "time", "point": "point",
    "médaille": "medal", "titre": "title", "euro": None, "dollar": None, "policier": "police officer",
    "gendarme": "gendarme", "pompier": "firefighter",
    "casa": "house", "edificio": "building", "vehículo": "vehicle", "coche": "car",
    "camión": "truck", "barco": "boat", "avión": "plane", "misil": "missile", "cohete": "rocket",
    "bomba": "bomb", "pueblo": "town", "aldea": "village", "ciudad": "city", "país": "country",
    "región": "region", "provincia": "province", "campamento": "camp", "escuela": "school",
    "hospital": "hospital", "iglesia": "church", "dosis": "dose", "vacuna": "vaccine",
    "prueba": "test", "cama": "bed", "empresa": "company", "compañía": "company",
    "tienda": "shop", "escaño": "seat", "voto": "vote", "candidato": "candidate",
    "vez": "time", "veces": "time", "punto": "point", "medalla": "medal", "gol": "goal",
    "soldado": "soldier", "policía": "police officer", "agente": "agent", "militar": "soldier",
    "refugiado": "refugee", "migrante": "migrant", "inmigrante": "immigrant",
    "periodista": "journalist", "estudiante": "student", "trabajador": "worker",
    "detenido": "detainee", "preso": "prisoner", "rehén": "hostage", "víctima": "victim",
    "herido": None, "muerto": "person", "fallecido": "person", "desaparecido": "person",
    "familia": "family", "hijo": "son", "hija": "daughter", "niño": "child", "niña": "girl",
    "joven": "youth", "mujer": "woman", "hombre": "man", "persona": "person",
    "منزل": "house", "منازل": "house", "مبنى": "building", "مباني": "building",
    "قرية": "village", "قرى": "village", "مخيم": "camp", "خيمة": "tent", "خيام": "tent",
    "مساجد": "mosque", "مستشفيات": "hospital", "طائرة": "plane", "دبابة": "tank",
    "هجوم": "attack", "هجمات": "attack", "عملية": "operation", "زائر": "visitor",
    "زوار": "visitor", "معتمر": "pilgrim", "وظيفة": "job", "وظائف": "job", "شركة": "company",
    "مصنع": "factory", "مصانع": "factory", "فرصة": "opportunity", "فرص": "opportunity",
    "طلب": "application", "مخالفة": "violation", "مستفيد": "beneficiary", "أسرة": "family",
    "أسر": "family", "عائلة": "family", "طالبة": "student", "معلم": "teacher",
    "معلمة": "teacher", "مريض": "patient", "مرضى": "patient", "سجناء": "prisoner",
    "مهاجر": "migrant", "نازح": "displaced person", "مقيم": "resident", "حوثي": "houthi",
    "مقعد": "seat", "مقاعد": "seat", "صوت": "vote", "أصوات": "vote", "مصاب": None,
    "مليون": None, "دولار": None, "ريال": None, "يورو": None,
})
ENGLISH_IRREGULAR_SINGULARS: Mapping[str, str] = MappingProxyType({
    "children": "child", "men": "man", "women": "woman", "people": "people", "police": "police",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "lives": "life", "wives": "wife",
    "knives": "knife", "leaves": "leaf", "halves": "half", "series": "series",
    "species": "species", "news": "news", "data": "data", "media": "media", "staff": "staff",
    "crew": "crew", "sheep": "sheep", "fish": "fish", "aircraft": "aircraft",
    "personnel": "personnel", "troops": "troop", "persons": "person", "bus": "bus",
    "buses": "bus", "analyses": "analysis", "crises": "crisis", "yemenis": "yemeni",
    "israelis": "israeli", "iraqis": "iraqi", "saudis": "saudi", "kuwaitis": "kuwaiti",
    "pakistanis": "pakistani", "afghanis": "afghani", "syrians": "syrian",
})

# Words that end a counted noun phrase after the number (English and German).
NOUN_PHRASE_STOPS = frozenset({
    "of", "in", "on", "at", "to", "from", "by", "for", "with", "and", "or", "but", "who",
    "which", "that", "were", "was", "are", "is", "have", "has", "had", "been", "be", "will",
    "would", "could", "may", "might", "should", "can", "did", "do", "does", "also", "as",
    "than", "into", "after", "before", "during", "since", "while", "when", "where", "its",
    "their", "his", "her", "a", "an", "the", "this", "these", "those", "per", "each", "so",
    "more", "most", "just", "still", "already", "not", "over", "under", "across", "through",
    "about", "around", "against", "between", "among", "including", "like", "such", "out",
    "up", "down", "off", "away", "ago", "earlier", "later", "now", "then", "there", "here",
    "last", "next", "every", "all", "both", "either", "only", "even", "ever", "too", "very",
    "being", "get", "got", "went", "go", "came", "come", "says", "said", "say", "told",
    "reported", "according", "despite", "without", "within", "toward", "towards", "via",
    "lacks", "needs", "faces", "remains", "lives", "works", "makes", "takes", "gets", "goes",
    "comes", "wants", "seems", "appears", "includes", "suffers", "receives", "holds", "shows",
    "means", "lost", "live", "face", "need", "remain", "go", "die", "work", "earn", "earns",
    "we", "they", "you", "them", "us", "i", "he", "she", "it", "who", "whom", "what",
    "und", "oder", "in", "im", "am", "an", "auf", "aus", "bei", "mit", "nach", "von", "vom",
    "zu", "zum", "zur", "für", "über", "unter", "seit", "der", "die", "das", "des", "dem",
    "den", "sind", "wurden", "waren", "haben", "hatten", "wurde", "ist", "war",
    "respectively", "took", "made", "began", "became", "gave", "found", "saw", "held", "led", "kept", "won", "ran",
    "brought", "left", "fell", "rose", "grew", "spent", "sent", "built", "paid", "met", "stood",
    "fought", "caught", "bought", "felt", "knew", "are", "get", "take", "make", "remain",
})
# Modifiers skipped between the number and the noun ("six other children", "neuf autres").
NOUN_SKIP_WORDS = frozenset({
    "other", "more", "additional", "further", "new", "autres", "nouveaux", "nouvelles",
    "nouveau", "nuevos", "nuevas", "neue", "neuen", "même", "mêmes", "mismos", "mismas",
    "jeunes", "total", "إجمالي", "إجمالى", "اجمالي", "petits", "grandes", "grands", "premiers", "derniers", "últimos", "primeros", "autre", "otros", "otras",
    "más", "weitere", "andere", "anderen", "آخرين", "آخرون", "اخرين", "أخرى", "de", "d",
    "des", "du", "del", "de las", "de los", "las", "los", "les", "la", "el", "the", "من",
})

# French/Spanish words that are never the counted noun right after a number.
FUNCTION_WORDS = frozenset({
    "et", "ou", "en", "y", "o", "e", "que", "qui", "como", "con", "sur", "par", "pour", "dans",
    "à", "a", "au", "aux", "son", "sont", "est", "fue", "fueron", "ha", "han", "había", "tuvo",
    "ont", "était", "avaient", "avait", "se", "ne", "ni", "pas", "no", "sin", "es", "era",
    "eran", "le", "la", "les", "el", "los", "las", "lo", "un", "une", "uno", "una", "del",
    "al", "por", "para", "entre", "sobre", "hasta", "desde", "après", "avant", "depuis",
    "pendant", "contre", "selon", "según", "durante", "tras", "ante", "bajo", "cuando",
    "donde", "où", "quand", "mais", "pero", "sino", "aussi", "también", "ya", "déjà", "muy",
    "très", "plus", "más", "moins", "menos", "ce", "cette", "ces", "este", "esta", "estos",
    "estas", "ese", "esa", "esos", "esas", "su", "sus", "ses", "leur", "leurs", "et",
    "han", "hay", "ici", "il", "ils", "elle", "elles", "ella", "ellos", "ellas", "le", "lui",
    "me", "te", "nos", "os", "cada", "ambos", "ambas", "tiene", "tienen", "vive", "viven", "está",
    "están", "eran", "été", "tous", "toutes", "sur", "chez", "d'entre", "dont",
})
# Spanish and French verb endings (past tense, participles) that mark a verb, not a noun.
VERB_ENDINGS = ("ieron", "aron", "ió", "ron", "aient", "èrent", "ait", "ront", "ent", "ont", "imos", "emos")

# Nouns that make the number a fraction ("deux tiers", "two thirds"): not figures.
FRACTION_NOUNS = frozenset({
    "thirds", "quarters", "fifths", "tenths", "tiers", "quarts", "cinquièmes", "dixièmes",
    "tercios", "cuartos", "quintos", "décimos", "drittel", "viertel", "fünftel", "zehntel",
    "أرباع", "أثلاث", "أخماس", "ثلثا", "ثلثي",
})

# Two-word counted nouns kept whole in `object` ("asylum seekers" -> "asylum seeker").
COMPOUND_NOUNS = frozenset({
    "asylum seeker", "police officer", "car bomb", "aid worker", "health worker",
    "civil servant", "security guard", "border guard", "human being", "polling station",
    "prime minister", "care home", "family member", "heads of state", "head of state",
})


def _with_tanween_variants(mapping: Mapping[str, object]) -> dict[str, object]:
    """Return `mapping` plus Arabic spellings with the accusative tanween written either way."""
    variants = dict(mapping)
    for key, value in mapping.items():
        if key.endswith("اً"):
            variants.setdefault(key[:-2] + "ًا", value)
        elif key.endswith("ا") and "\u0600" <= key[:1] <= "\u06ff":
            variants.setdefault(key[:-1] + "ًا", value)
            variants.setdefault(key + "ً", value)
    return variants


CURRENCY_WORDS = MappingProxyType(_with_tanween_variants(CURRENCY_WORDS))
TIME_UNITS = MappingProxyType(_with_tanween_variants(TIME_UNITS))
MEASURE_UNITS = MappingProxyType(_with_tanween_variants(MEASURE_UNITS))

# More persons (English singular) and counted nouns of the five languages, merged under the
# table above (entries above win).
PERSON_NOUNS = PERSON_NOUNS | frozenset({
    "democrat", "republican", "conservative", "liberal", "follower", "guest", "speaker",
    "opponent", "supporter", "critic", "blogger", "reporter", "editor", "colleague", "partner",
    "cyclist", "striker", "foreigner", "secretary", "physicist", "comedian", "pensioner",
    "retiree", "islamist", "extremist", "separatist", "policewoman", "mourner", "worshipper",
    "worshiper", "shopper", "bystander", "onlooker", "homeowner", "tenant", "taxpayer",
    "settler", "villager", "crewman", "crew member", "seaman", "smuggler", "trafficker",
    "drug trafficker", "thief", "robber", "criminal", "murderer", "killer", "offender",
    "assailant", "bomber", "hijacker", "kidnapper", "captive", "casualty", "teen", "toddler",
    "twin", "sibling", "spouse", "nephew", "niece", "grandchild", "grandson", "granddaughter",
    "politician", "legislator", "congressman", "mp", "councillor", "councilor", "nominee",
    "prosecutor", "attorney", "investigator", "inspector", "detective", "analyst", "economist",
    "consultant", "contractor", "entrepreneur", "businessman", "trader", "merchant", "vendor",
    "investor", "shareholder", "banker", "professor", "lecturer", "scholar", "schoolchild",
    "schoolgirl", "schoolboy", "trainee", "intern", "conscript", "reservist",
    "colonel", "captain", "sergeant", "lieutenant", "sniper", "astronaut", "commando",
    "mercenary", "militiaman", "rioter", "dissident", "photographer", "cameraman",
    "correspondent", "poet", "musician", "footballer", "runner", "swimmer", "climber",
    "commuter", "attendee", "donor", "recipient", "beneficiary", "claimant", "deportee",
    "returnee", "evacuee", "displaced person", "emigrant", "expatriate", "national",
    "peasant", "midwife", "surgeon", "physician", "medic", "technician", "mechanic",
    "subscriber", "viewer", "listener", "reader", "believer", "hindu", "buddhist", "sikh",
    "catholic", "protestant", "shiite", "sunni", "kurd", "arab", "turk", "pole", "swede",
    "hitman", "guerrilla", "perpetrator", "occupant", "observer", "senior", "unemployed person",
    "internet user", "observer", "elected official", "parliamentarian", "boss", "houthi",
    "taliban", "indigenous person", "homeless person", "wanted person", "hunger striker",
    "child soldier", "dutchman", "immigrant", "neighbour", "neighbor", "inmate", "survivor", "marcher",
    "fugitive", "loyalist", "cop", "alien", "illegal alien", "pope", "cardinal",
})

_EXTRA_TRANSLATIONS: dict[str, str | None] = {
    # French
    "ministres": "minister", "ministre": "minister", "secrétaires": "secretary",
    "assaillants": "attacker", "assaillant": "attacker", "votants": "voter",
    "locuteurs": "speaker", "physiciens": "physicist", "invités": "guest",
    "mineurs": "minor", "jeunes": "youth", "rebelles": "rebel", "insurgés": "insurgent",
    "djihadistes": "jihadist", "jihadistes": "jihadist", "islamistes": "islamist",
    "terroristes": "terrorist", "secouristes": "rescuer", "sauveteurs": "rescuer",
    "infirmiers": "nurse", "infirmières": "nurse", "élus": "elected official",
    "sénateurs": "senator", "parlementaires": "parliamentarian", "grévistes": "striker",
    "ouvriers": "worker", "paysans": "peasant", "agriculteurs": "farmer", "pêcheurs": "fisherman",
    "chercheurs": "researcher", "scientifiques": "scientist", "experts": "expert",
    "avocats": "lawyer", "juges": "judge", "survivants": "survivor", "disparus": "person",
    "tués": "person", "musulmans": "muslim", "chrétiens": "christian", "croyants": "believer",
    "fidèles": "worshipper", "supporters": "supporter", "spectateurs": "spectator",
    "visiteurs": "visitor", "clients": "customer", "usagers": "user", "utilisateurs": "user",
    "abonnés": "subscriber", "internautes": "internet user", "lecteurs": "reader",
    "adolescents": "teenager", "adolescentes": "teenager", "frères": "brother", "sœurs": "sister",
    "amis": "friend", "voisins": "neighbour", "résidents": "resident", "ressortissants": "national",
    "étrangers": "foreigner", "immigrés": "immigrant", "clandestins": "migrant",
    "passeurs": "smuggler", "trafiquants": "trafficker", "prévenus": "defendant",
    "condamnés": "convict", "officiers": "officer", "marins": "sailor", "pilotes": "pilot",
    "diplomates": "diplomat", "dirigeants": "leader", "responsables": "official",
    "fonctionnaires": "civil servant", "cadres": "executive", "retraités": "pensioner",
    "bénévoles": "volunteer", "opposants": "opponent", "partisans": "supporter",
    "déplacés": "displaced person", "sans-abri": "homeless person", "collégiens": "pupil",
    "écoliers": "pupil", "talibans": "taliban", "policier": "police officer",
    "décès": "death", "morts": "person", "blessures": None, "fois": "time",
    # Spanish
    "ministros": "minister", "diputados": "deputy", "senadores": "senator",
    "legisladores": "lawmaker", "funcionarios": "official", "dirigentes": "leader",
    "militantes": "militant", "activistas": "activist", "sicarios": "hitman",
    "narcotraficantes": "drug trafficker", "criminales": "criminal", "delincuentes": "criminal",
    "ladrones": "thief", "asaltantes": "attacker", "adolescentes": "teenager",
    "ancianos": "elderly", "hermanos": "brother", "hijos": "child", "padres": "parent",
    "madres": "mother", "amigos": "friend", "vecinos": "neighbour", "pobladores": "resident",
    "residentes": "resident", "indígenas": "indigenous person", "campesinos": "peasant",
    "obreros": "worker", "maestros": "teacher", "docentes": "teacher",
    "universitarios": "student", "doctores": "doctor", "enfermeras": "nurse",
    "enfermeros": "nurse", "científicos": "scientist", "investigadores": "researcher",
    "expertos": "expert", "abogados": "lawyer", "jueces": "judge", "fiscales": "prosecutor",
    "reos": "prisoner", "internos": "inmate", "guardias": "guard", "marinos": "sailor",
    "elementos": "officer", "uniformados": "officer", "rebeldes": "rebel",
    "guerrilleros": "guerrilla", "terroristas": "terrorist", "yihadistas": "jihadist",
    "extranjeros": "foreigner", "visitantes": "visitor", "espectadores": "spectator",
    "aficionados": "fan", "jugadores": "player", "usuarios": "user", "clientes": "customer",
    "consumidores": "consumer", "voluntarios": "volunteer", "sobrevivientes": "survivor",
    "supervivientes": "survivor", "cristianos": "christian", "musulmanes": "muslim",
    "fieles": "worshipper", "amigas": "friend", "hermanas": "sister", "ciclistas": "cyclist",
    "desplazados": "displaced person", "viajes": "trip", "nombres": "name",
    # German (plural and singular forms as written after a number)
    "amerikaner": "american", "ukrainer": "ukrainian", "russen": "russian",
    "deutsche": "german", "österreicher": "austrian", "einwanderer": "immigrant",
    "ausländer": "foreigner", "iraker": "iraqi", "türken": "turk", "kurden": "kurd",
    "afrikaner": "african", "europäer": "european", "briten": "briton", "franzosen": "frenchman",
    "italiener": "italian", "spanier": "spaniard", "chinesen": "chinese", "juden": "jew",
    "muslime": "muslim", "christen": "christian", "piloten": "pilot", "pilot": "pilot",
    "ingenieure": "engineer", "ingenieur": "engineer", "beobachter": "observer",
    "zeugen": "witness", "insassen": "occupant", "passagiere": "passenger",
    "reisende": "traveler", "urlauber": "tourist", "touristen": "tourist",
    "journalisten": "journalist", "minister": "minister", "politiker": "politician",
    "parlamentarier": "parliamentarian", "senatoren": "senator", "freiwillige": "volunteer",
    "freiwilligen": "volunteer", "probanden": "participant", "pensionisten": "pensioner",
    "gestrandeten": "person", "werke": "work", "kameras": "camera", "angriffe": "attack",
    "attacken": "attack", "busse": "bus", "bussen": "bus", "filialen": "branch", "debatte": "debate", "zivilistin": "civilian",
    "zivilistinnen": "civilian", "bewaffnete": "gunman", "bewaffneten": "gunman", "hände": "hand",
    "händen": "hand", "pilger": "pilgrim", "pilgern": "pilgrim",
    "sicherheitskräfte": "security force", "gläubige": "believer", "gläubigen": "believer",
    "venezolaner": "venezuelan", "kollegen": "colleague", "niederländer": "dutchman", "richter": "judge", "anwälte": "lawyer",
    "staatsanwälte": "prosecutor", "pfleger": "nurse", "pflegekräfte": "nurse",
    "krankenschwestern": "nurse", "forscher": "researcher", "wissenschaftler": "scientist",
    "experten": "expert", "spieler": "player", "fans": "fan", "anhänger": "supporter",
    "gegner": "opponent", "aktivisten": "activist", "kämpfer": "fighter", "rebellen": "rebel",
    "milizionäre": "militiaman", "dschihadisten": "jihadist", "islamisten": "islamist",
    "terroristen": "terrorist", "extremisten": "extremist", "attentäter": "attacker",
    "angreifer": "attacker", "täter": "perpetrator", "mörder": "murderer",
    "überlebende": "survivor", "vermisste": "person", "todesfälle": "death",
    "leichen": "body", "babys": "baby", "säuglinge": "infant", "senioren": "senior",
    "rentner": "pensioner", "bauern": "farmer", "landwirte": "farmer", "angestellte": "employee",
    "arbeitnehmer": "employee", "arbeitslose": "unemployed person", "bewerber": "applicant",
    "asylbewerber": "asylum seeker", "asylsuchende": "asylum seeker",
    "schutzsuchende": "asylum seeker", 
    "vertriebene": "displaced person", "obdachlose": "homeless person",
    "geflüchtete": "refugee", "offiziere": "officer", "generäle": "general",
    "diplomaten": "diplomat", "delegierte": "delegate", "wähler": "voter", "nutzer": "user",
    "leser": "reader", "gäste": "guest", "anwohner": "resident", "nachbarn": "neighbour",
    "freunde": "friend", "eltern": "parent", "väter": "father", "mütter": "mother",
    "geschwister": "sibling", "enkel": "grandchild", "familienmitglieder": "family member",
    "angehörige": "relative", "jungs": "boy", "studierende": "student", "lehrkräfte": "teacher",
    "pflichtspiele": "game", "einsätze": "appearance", "treffer": "goal", "zähler": "point",
    "mal": "time", "seiten": "page", "gruppen": "group", "parteien": "party",
    "gesetze": "law", "sitzungen": "session", "umfragen": "survey", "verkäufe": "sale",
    "schiffe": "ship", "flugzeuge": "plane", "panzer": "tank", "raketen": "rocket",
    "granaten": "grenade", "bomben": "bomb", "waffen": "weapon", "dörfer": "village",
    "städte": "city", "provinzen": "province", "bezirke": "district", "regionen": "region",
    "infektionen": "infection", "neuinfektionen": "new infection", "impfungen": "vaccination",
    "dosen": "dose", "tests": "test", "betten": "bed", "kirchen": "church",
    "moscheen": "mosque", "haft": "detention", "amtszeit": "term", "pause": "break",
    "geschichte": "history", "bestehen": "anniversary", "haftstrafe": "prison sentence",
    "gefängnisstrafe": "prison sentence", "freiheitsstrafe": "prison sentence",
    "krieg": "war", "kriege": "war", "dollar": None, "franken": None,
    # Arabic
    "أمريكيين": "american", "امريكيين": "american", "مصريين": "egyptian",
    "أردنيين": "jordanian", "لبنانيين": "lebanese", "أتراك": "turk", "إيرانيين": "iranian",
    "بريطانيين": "briton", "فرنسيين": "frenchman", "هنود": "indian",
    "إسرائيليين": "israeli", "أجانب": "foreigner", "نقطة": "point", "نقاط": "point",
    "ضابط": "officer", "ضباط": "officer", "عسكري": "soldier", "عسكريين": "soldier",
    "حوثيين": "houthi", "مصلين": "worshipper", "مصليا": "worshipper", "معتمرين": "pilgrim",
    "سائح": "tourist", "سياح": "tourist", "لاعب": "player", "لاعبين": "player",
    "لاعبا": "player", "مشجع": "fan", "مشجعين": "fan", "مقيمين": "resident",
    "وافدين": "expatriate", "وافد": "expatriate", "مهاجرين": "migrant", "مواطنة": "citizen",
    "فتاة": "girl", "فتيات": "girl", "شاب": "youth", "شبان": "youth", "شباب": "youth",
    "ممرضة": "nurse", "طبيب": "doctor", "أطباء": "doctor", "أسير": "prisoner",
    "أسرى": "prisoner", "موقوف": "detainee", "موقوفين": "detainee", "مشتبه": "suspect",
    "نائب": "deputy", "نواب": "deputy", "وزير": "minister", "وزراء": "minister",
    "عضو": "member", "أعضاء": "member", "عاملة": "worker", "عاملات": "worker",
    "طالبات": "student", "معلمين": "teacher", "مرة": "time", "مرات": "time",
    "هدف": "goal", "أهداف": "goal", "مباراة": "game", "مباريات": "game",
    "رحلة": "flight", "رحلات": "flight", "محافظة": "province", "محافظات": "province",
    "منطقة": "region", "مناطق": "region", "موقع": "site", "مواقع": "site",
    "جامعة": "university", "جامعات": "university", "مسكن": "home", "مساكن": "home",
    "شاحنة": "truck", "شاحنات": "truck", "عبوة": "explosive device",
    "عبوات": "explosive device", "معتقلين": "detainee", "مختطفين": "hostage",
    "نازحين": "displaced person", "لاجئة": "refugee", "حادث": "accident", "حوادث": "accident",
    "حادثا": "accident", "خبير": "expert", "خبيرا": "expert", "خبراء": "expert",
}
NOUN_TRANSLATIONS = MappingProxyType(_with_tanween_variants({**_EXTRA_TRANSLATIONS, **NOUN_TRANSLATIONS}))
