"""What is not a figure: dates, years, times, ordinals, identifiers, scores, phones, URLs."""

from __future__ import annotations

import pytest

from flows.text.figures import MAX_NUMBERS, extract_figures, readable_end

# (text, language, span that must NOT be part of any figure)
NOT_FIGURES = [
    # calendar date, day before the month
    ("The talks began on 19 September in Geneva.", "en", "19"),
    # calendar date, month before the day
    ("The vote is set for May 13 in the capital.", "en", "13"),
    # a year used as a date
    ("The war started in 2020 and never ended.", "en", "2020"),
    # a span of years is a date range, not a figure
    ("Data for 2001-2012 were released.", "en", "2001-2012"),
    # ISO date
    ("Filed on 2015-07-21 by the clerk.", "en", "2015-07-21"),
    # clock time
    ("The curfew starts at 10:30 every night.", "en", "10:30"),
    # clock time with am/pm
    ("Shops close at 9 pm in winter.", "en", "9"),
    # ordinal with suffix
    ("She finished 2nd in the final round.", "en", "2nd"),
    # ordinal word is not in the cardinal lexicon
    ("It was my third war.", "en", "third"),
    # identifiers: letters glued to the number
    ("Leaders of the G20 met in Rome.", "en", "20"),
    ("COVID-19 spread fast.", "en", "19"),
    ("Mehr Menschen sind an COVID-19 gestorben.", "de", "19"),
    # product and model names
    ("A Boeing 737 landed safely.", "en", "737"),
    # legal and UN identifiers
    ("Under Article 5 allies must respond.", "en", "5"),
    ("Resolution 2254 calls for talks.", "en", "2254"),
    # footnote markers
    ("He denied it.[2] Later he resigned.", "en", "2"),
    # numbered list markers
    ("Solutions: 1. change attitudes 2. pass laws", "en", "1"),
    # page and section numbers
    ("See page 14 of the report.", "en", "14"),
    # sports score
    ("United won 2-1 at home.", "en", "2-1"),
    # phone number
    ("Call +44 20 7946 0958 for help.", "en", "7946"),
    # URL digits
    ("Read http://example.org/news/2019/5 for more.", "en", "5"),
    # e-mail digits
    ("Write to press2021@example.org today.", "en", "2021"),
    # hashtag digits
    ("Protesters used #1mayo on the day.", "en", "1"),
    # fractions are not figures
    ("Les deux tiers des Français sont inquiets.", "fr", "deux"),
    # French date
    ("Le 5 juillet 2012, la police a agi.", "fr", "5"),
    # Spanish date with "de"
    ("Murió el 2 de marzo de 2011.", "es", "2"),
    # German date with an ordinal dot
    ("Am 19. März wurde gewählt.", "de", "19"),
    # German ordinal after an article
    ("Rapid spielt in der 28. Runde.", "de", "28"),
    # Arabic date
    ("وقع الهجوم في 11 أغسطس الماضي.", "ar", "11"),
    # Arabic ordinal "الثاني عشر" is not ten
    ("في اليوم الثاني عشر من الشهر.", "ar", "عشر"),
    # French "neuf" as the adjective "new"
    ("Le stade est tout neuf depuis mai.", "fr", "neuf"),
    # German capitalised number word inside a sentence is a noun ("die Elf" = the team)
    ("Gestern gewann die Elf von Rapid.", "de", "Elf"),
    # a short code followed by a dash (SMS trailer)
    ("أرسل رسالة إلى 88591 - للاشتراك", "ar", "88591"),
    # contract number in brackets after "رقم"
    ("تنفيذ العقد رقم (6) بمنطقة جازان", "ar", "6"),
    # an article alone is not a figure
    ("Un homme a été vu près de la gare.", "fr", "Un"),
    # "a year" is not a figure
    ("It took more than a year.", "en", "a year"),
    # a decade written with digits and "s" is a date
    ("Rents doubled in the 1990s across the region.", "en", "1990s"),
    # an abbreviated decade after an apostrophe
    ("The band was famous in the ’80s and later.", "en", "80s"),
    # a form or model name: digits glued to a plural "s"
    ("Agents filed three 209s on the case.", "en", "209s"),
    # a number quoted on its own is a label
    ("The box was marked “4417” in red.", "en", "4417"),
    # the tail of an abbreviated year span
    ("Die Dürre (1921-24) traf das Land hart.", "de", "24"),
    # a dash pair with the larger number first is a tally or score
    ("The council voted 41-17 to approve it.", "en", "41"),
    # German ordinal dot before a lowercase word or bracket
    ("Er traf in der Nachspielzeit (88.) zum Sieg.", "de", "88"),
    # German numeric date written with spaces
    ("(mab, 12. 4. 2019)", "de", "4"),
    # Arabic date with spaced slashes and a Hijri year
    ("انعقد الاجتماع يوم 12 / 3 / 1437هـ في جدة.", "ar", "12"),
    # Arabic ordinal teen with "و" before the article
    ("في الفصل الرابع والخامس عشرة من اللائحة.", "ar", "عشرة"),
    # list items opened by a number and a dash
    ("Les demandes :\n3 - Baisser les taxes ;\n4 - Ouvrir les écoles.", "fr", "4"),
    # a bracketed enumerator "(2)" inside a sentence
    ("Il faut: (1) écouter, (2) agir.", "fr", "2"),
    # a footnote glued to a closing quote
    ("Il a dit « nous partirons »3. Puis il est parti.", "fr", "3"),
    # a number listed right after a reference number is a reference too
    ("See pages 12 and 14 for the sources.", "en", "14"),
    # football minutes listed after "الدقائق"
    ("سجل الفريق في الدقائق 23 و71 من المباراة.", "ar", "71"),
    # model name with an all-caps word before the number
    ("Use the CC BY 3.0 licence for photos.", "en", "3.0"),
    # mixed-case product name before the number
    ("The update arrives with iOS 12 next week.", "en", "12"),
    # capitalised number word inside a title
    ("Fans recited the Seven Wonders on stage.", "en", "Seven"),
    # a clock time written in words
    ("La sesión empieza a las once de la mañana.", "es", "once"),
    # "ciento" after a masked number is the percent word
    ("Subió *NUMBER* por ciento este año.", "es", "ciento"),
    # "the late 90s" is a decade of the calendar, not an age
    ("Prices fell in the late 90s and rose again.", "en", "90s"),
    # an abbreviated decade after an apostrophe with a leading zero
    ("Phones changed fast in the early '00s.", "en", "00s"),
    # a capitalised vague plural inside a name
    ("Crowds joined the March of the Millions downtown.", "en", "Millions"),
    # a day number listed before ", year" after a month
    ("Talks were held on June 3 and 4, 2015 in Oslo.", "en", "4"),
    # an item number opening a bracketed list
    ("Read his essays (1. The river, 2. The sea).", "en", "1"),
    # an emergency number is a phone number
    ("Neighbours called 911 after the blast.", "en", "911"),
    ("She made a 999 call at noon.", "en", "999"),
    # the year after "Month DD," is a date even before a noun
    ("DAYTON — Mar 3, 2019 Police closed the road.", "en", "2019"),
    # a French clock hour glued to "h" after "à" / "pointage de"
    ("Au pointage de 18h, le bateau était en tête.", "fr", "18h"),
    ("Le vol part à 7h de Nice.", "fr", "7h"),
    # a German vague word joined by a hyphen to a noun is a modifier
    ("Das Millionen-Geschäft platzte.", "de", "Millionen"),
    # a year before a capitalised event name
    ("She ran in the 2015 General Election as well.", "en", "2015"),
    # digits glued to a capital "M" name a movement or date ("15M"), not metres
    ("The 15M movement began in a square.", "en", "15M"),
    # a hyphenated fraction is not a figure
    ("Two-thirds of voters agreed.", "en", "Two"),
    # a Spanish date range "del 3 al 9 de mayo"
    ("La feria será del 3 al 9 de mayo en Quito.", "es", "3"),
    # a video timecode and a longer one with hours
    ("The clip at 03:45 shows it again at 1:02:33 too.", "en", "03"),
    ("The clip at 03:45 shows it again at 1:02:33 too.", "en", "33"),
    # isotopes name a substance, not a count
    ("Traces of caesium-137 were found near the reactor.", "en", "137"),
    ("The plant enriches U-235 for fuel.", "en", "235"),
    # model and version numbers
    ("She bought an iPhone 12 on the way home.", "en", "12"),
    ("Schools still run Windows 10 on old machines.", "en", "10"),
    ("The app v2.3 fixed the bug.", "en", "2.3"),
    # list numbering at the start of a line
    ("Steps:\n1. Open the door\n2. Walk in", "en", "2"),
    # counters and price tags left by the scraper on short lines of their own
    ("Read more\n\n1.2k SHARES\n\nThe mayor spoke.", "en", "1.2k"),
    ("Opinion\n7 comments\nThe mayor spoke.", "en", "7"),
    ("Price: $9.99\nThe mayor spoke.", "en", "9.99"),
    ("Prix : 25 €\nLe maire a parlé.", "fr", "25"),
    # a bracketed footnote number before punctuation
    ("Il l'a dit au journal (2). Puis il est parti.", "fr", "2"),
    # French "dos" is the back, not Spanish "two"
    ("Il a tourné le dos à la foule.", "fr", "dos"),
    # a capitalised number word inside a sentence names a group
    ("Les chefs du Groupe des Huit se réunissent.", "fr", "Huit"),
    # day numbers listed before a date
    ("Le salon ouvre les 4, 5 et 6 mars à Lyon.", "fr", "4"),
    # street numbers and postcodes
    ("Le siège est au 12 rue Victor Hugo, 69002 Lyon.", "fr", "12"),
    ("Le siège est au 12 rue Victor Hugo, 69002 Lyon.", "fr", "69002"),
    # a mobile network generation ("4G") is not grams
    ("Das Netz nutzt 4G auf dem Land.", "de", "4G"),
    # an SMS contact trailer "برقم (N)"
    ("للتواصل ارسل رسالة تبدأ برقم (57) إلى 88548", "ar", "57"),
    ("للاشتراك أرسل SMS بالرمز (61) الآن", "ar", "61"),
    # a year after "a" dates one thing ("a 2005 police report")
    ("She cited a 2009 police report.", "en", "2009"),
    # US street addresses
    ("Shots were fired at 4120 N. Maple Street.", "en", "4120"),
    ("Police stopped a car in the 2300 block of Elm Street.", "en", "2300"),
    # decades in words ("los años sesenta")
    ("La moda de los años sesenta volvió.", "es", "sesenta"),
    # an old year after "seit" / "since"
    ("Der Markt besteht seit 1570 in der Stadt.", "de", "1570"),
    # Portuguese "dos" in a name
    ("President José Eduardo dos Santos spoke.", "en", "dos"),
    # Spanish "miles" is not read in English ("a few miles")
    ("The school was a few miles away.", "en", "miles"),
]


@pytest.mark.parametrize(("text", "language", "span"), NOT_FIGURES)
def test_extract_figures_skips_non_figures(text: str, language: str, span: str) -> None:
    start = text.index(span)
    end = start + len(span)
    overlapping = [f.text for f in extract_figures(text, language) if f.start < end and start < f.end]
    assert overlapping == []


@pytest.mark.parametrize(
    ("text", "language", "span"),
    [
        # a year-shaped number followed by a counted noun is a count
        ("The town sheltered 2000 refugees last winter.", "en", "2000"),
        # an age bracket joined by a hyphen before persons
        ("Nurses visited over-65 residents in two towns.", "en", "over-65"),
        # a number glued to a unit word
        ("The flight took 5hours in total.", "en", "5hours"),
        # a German article before an age is not a name ("Ein 31-jähriger")
        ("Ein 47-jähriger Mann wurde verletzt.", "de", "47-jähriger"),
        # Arabic number word with the preposition "ل" attached
        ("أعلنت الوزارة نتائج لسبعة آلاف متقدم.", "ar", "سبعة آلاف"),
        # a capitalised number word after a dateline dash opens the sentence
        ("3 mai 2013. - Trois hommes ont été arrêtés.", "fr", "Trois"),
        # Spanish "dos" quoted in an English text is still a number
        ("He wrote: “Llegaron dos camiones”.", "en", "dos"),
        # a capitalised noun before an age in German is not a name
        ("Die Elf (Altersschnitt 21,5 Jahre) siegte.", "de", "21,5 Jahre"),
        # a Title Case headline keeps its number word
        ("Report: Storm Leaves Two People Dead in Town", "en", "Two"),
        # a number word opening a sentence after an ellipsis in brackets
        ("They left. [...] Three hours later the police came.", "en", "Three hours"),
        # an English number after "notes" is kept when a counted noun follows
        ("The archive keeps 12 letters and 14 photographs.", "en", "14"),
    ],
)
def test_extract_figures_keeps_counts_that_look_like_exclusions(text: str, language: str, span: str) -> None:
    assert span in [f.text for f in extract_figures(text, language)]


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("12 people died.", 15),  # few numbers: the whole text
        ("1 " * (MAX_NUMBERS + 3), 2 * MAX_NUMBERS),  # a dump: up to the number past the limit
        ("1 " * MAX_NUMBERS, 2 * MAX_NUMBERS),  # exactly the limit: the whole text
    ],
)
def test_readable_end_stops_figures_at_the_number_past_the_limit(text: str, end: int) -> None:
    assert readable_end(text) == end


def test_extract_figures_reads_numbers_between_phone_numbers() -> None:
    text = "Call +44 20 7946 0958 or +33 1 70 36 11 22; 12 people died. Call +1 212 555 0100."
    assert [f.text for f in extract_figures(text, "en")] == ["12"]
