"""Figure context: unit, counted object (English, singular) and category, in five languages."""

from __future__ import annotations

import pytest

from flows.text.figures import extract_figures


def _fields(text: str, language: str, span: str) -> tuple[str | None, str | None, str]:
    """Return (unit, object, category) of the one figure whose text is `span`."""
    found = [f for f in extract_figures(text, language) if f.text == span]
    assert len(found) == 1, [f.text for f in extract_figures(text, language)]
    return found[0].unit, found[0].object, found[0].category


# (text, language, span, unit, object, category)
CONTEXT_CASES = [
    # killed: verb after the noun
    ("Officials said 200 people were killed overnight.", "en", "200", None, "people", "killed"),
    # killed: "of its" links the noun, verb after
    ("The army said two of its soldiers died in the ambush.", "en", "two", None, "soldier", "killed"),
    # wounded without a noun
    ("The blast left 5 people dead and almost 300 wounded.", "en", "almost 300", None, None, "wounded"),
    # displaced from a refugee noun after "of"
    ("Thousands of refugees crossed the border.", "en", "Thousands", None, "refugee", "displaced"),
    # displaced cue earlier in the sentence
    ("The first refugees arrived and 4,200 people have since entered.", "en", "4,200", None, "people", "displaced"),
    # missing
    ("Rescuers said 12 sailors remain missing.", "en", "12", None, "sailor", "missing"),
    # arrested
    ("Police arrested 35 protesters on Sunday.", "en", "35", None, "protester", "arrested"),
    # kidnapped
    ("Gunmen abducted 3 engineers near the dam.", "en", "3", None, "engineer", "kidnapped"),
    # people: plain count of persons, modifier skipped
    ("He took his six other children to the shelter.", "en", "six", None, "child", "people"),
    # count: things, plural made singular
    ("The rivals have fought two wars since then.", "en", "two", None, "war", "count"),
    # count: head noun after an adjective
    ("The merger joined seven saving banks.", "en", "seven", None, "bank", "count"),
    # percent with "of" object
    ("Some 38 percent of the voters stayed home.", "en", "Some 38 percent", "percent", "voter", "percent"),
    # percent without object
    ("Inflation reached 3.4%.", "en", "3.4%", "percent", None, "percent"),
    # money in dollars, object null
    ("The bank lent 2.34 million dollars.", "en", "2.34 million dollars", "USD", None, "money"),
    # money in pounds by sign
    ("Tickets cost £40 each.", "en", "£40", "GBP", None, "money"),
    # money from a currency named earlier for a bare scaled amount
    ("The plan costs 33 billion euros. Critics say 10 billion would do.", "en", "10 billion", "EUR", None, "money"),
    # duration
    ("He built the house in 30 years.", "en", "30 years", "year", None, "duration"),
    # relative time is a duration
    ("They met 2 years ago.", "en", "2 years", "year", None, "duration"),
    # decades
    ("The conflict has lasted three decades.", "en", "three decades", "decade", None, "duration"),
    # hyphenated duration modifies a noun
    ("A nine-month blockade ended.", "en", "nine-month", "month", "blockade", "duration"),
    # age: hyphenated with the person after it
    ("She fled with her 90-year-old mother.", "en", "90-year-old", "year", "mother", "age"),
    # age: "four-day old baby"
    ("He carried his four-day old baby.", "en", "four-day old", "day", "baby", "age"),
    # age: decade of life -> range 70..79 with the person before it
    ("A woman in her 70s waited.", "en", "70s", "year", "woman", "age"),
    # age: appositive after a name
    ("Morales, 54, was a teacher.", "en", "54", "year", None, "age"),
    # age range introduced by "aged"
    ("Two women aged between 18 and 25 were held.", "en", "between 18 and 25", "year", None, "age"),
    # "m" before a plural noun is a million, not metres
    ("Some 1.5m people need food aid.", "en", "Some 1.5m", None, "people", "people"),
    # a semicolon ends the clause a cue is searched in
    ("Unas 300 familias llegaron; cerca de 40 heridos.", "es", "Unas 300", None, "family", "people"),
    # German separable verb "nahm ... fest" means arrested
    ("Die Polizei nahm 25 Personen fest.", "de", "25", None, "person", "arrested"),
    # German dative plural is translated
    ("Die Firma ist in 115 Ländern aktiv.", "de", "115", None, "country", "count"),
    # compound counted noun kept whole
    ("About 12,000 asylum seekers live there.", "en", "About 12,000", None, "asylum seeker", "displaced"),
    # "Label: value" lines take the counted noun from the label
    ("Report\nCivilians killed: 40 - 60\n", "en", "40 - 60", None, "civilian", "killed"),
    # a cue right after the previous count belongs to it, not to the next figure
    ("49 or 68 killed in the town and millions of people watch.", "en", "millions", None, "people", "people"),
    # quantity with a measurement unit
    ("The town lies 250 kilometers from the border.", "en", "250 kilometers", "km", None, "quantity"),
    # quantity in kg
    ("The bag weighed 20 kg.", "en", "20 kg", "kg", None, "quantity"),
    # French: personnes -> person, killed
    ("Au moins 12 personnes ont été tuées.", "fr", "Au moins 12", None, "person", "killed"),
    # French: arrested, plural noun translated
    ("Cinq hommes ont été arrêtés à Londres.", "fr", "Cinq", None, "man", "arrested"),
    # French: age of a person "femme de 47 ans"
    ("Une femme de 47 ans a été blessée.", "fr", "47 ans", "year", "woman", "age"),
    # French list of ages takes the unit of the last item
    ("Trois personnes de 12, 15 et 17 ans sont parties.", "fr", "15", "year", "person", "age"),
    # French money with "d'euros"
    ("Le plan coûte 6,4 milliards d'euros.", "fr", "6,4 milliards d'euros", "EUR", None, "money"),
    # French quantity with km/h and a qualifier after
    ("Les rafales atteignent 90 km/h environ.", "fr", "90 km/h environ", "km/h", None, "quantity"),
    # Spanish: muertos -> person, killed
    ("El ataque dejó ocho muertos en el bar.", "es", "ocho", None, "person", "killed"),
    # Spanish: kidnapped from the verb before
    ("Un grupo armado ha secuestrado a cuatro periodistas.", "es", "cuatro", None, "journalist", "kidnapped"),
    # Spanish: ages in a list, person before "de"
    ("Dos niños de ocho y seis años fueron rescatados.", "es", "ocho", "year", "child", "age"),
    # Spanish: displaced
    ("Decenas de miles de familias han sido desplazadas.", "es", "Decenas de miles", None, "family", "displaced"),
    # German: people killed
    ("Bei dem Anschlag wurden 20 Menschen getötet.", "de", "20", None, "people", "killed"),
    # German: money in euros
    ("Der Staat zahlt 2,5 Milliarden Euro.", "de", "2,5 Milliarden Euro", "EUR", None, "money"),
    # German: percent
    ("Die Inflation lag bei 0,7 Prozent.", "de", "0,7 Prozent", "percent", None, "percent"),
    # German: age with -jährige
    ("Die 90-jährige Frau wurde gerettet.", "de", "90-jährige", "year", "woman", "age"),
    # Arabic: killed, noun translated
    ("قتل 15 شخصا في الانفجار.", "ar", "15", None, "person", "killed"),
    # Arabic: wounded after the conjunction
    ("سقط مئة قتيل وجرح 4 آلاف آخرين.", "ar", "4 آلاف", None, None, "wounded"),
    # Arabic: duration with a number word
    ("استمر القتال ثلاثة أشهر.", "ar", "ثلاثة أشهر", "month", None, "duration"),
    # Arabic: postposed "one" after a time noun
    ("انضم قبل يوم واحد من الهجوم.", "ar", "يوم واحد", "day", None, "duration"),
    # Arabic: percent in words
    ("ارتفع العدد بنسبة 25 في المائة.", "ar", "25 في المائة", "percent", None, "percent"),
    # Arabic: riyal -> SAR
    ("بلغت التكلفة 500 ريال.", "ar", "500 ريال", "SAR", None, "money"),
    # Arabic: currency after a closing bracket, tanween written on the letter
    ("بلغ التعويض (2,804,130) ريالًا.", "ar", "2,804,130", "SAR", None, "money"),
    # Arabic: "توفير" (providing) is not "توفي" (died)
    ("تم توفير 30 سيارة للمنطقة.", "ar", "30", None, "car", "count"),
    # Arabic: weight
    ("يزن الصندوق 25 كيلوغراما.", "ar", "25 كيلوغراما", "kg", None, "quantity"),
    # euro sign after the number (French style)
    ("Le billet coûte 3 400 € cette année.", "fr", "3 400 €", "EUR", None, "money"),
    # hyphenated currency word "US-Dollar"
    ("Die Strafe betrug 5.000 US-Dollar.", "de", "5.000 US-Dollar", "USD", None, "money"),
    # less common currency named after a scale
    ("The ministry set aside 2 million hryvnias.", "en", "2 million hryvnias", "UAH", None, "money"),
    # data size is a quantity
    ("The phone ships with 64 GB of storage.", "en", "64 GB", "GB", None, "quantity"),
    # a unit joined by a hyphen to the number
    ("Das Gerät hat ein 6-Zoll-Display.", "de", "6-Zoll", "inch", None, "quantity"),
    # "years of age" is an age
    ("He became chief at 31 years of age.", "en", "31 years of age", "year", None, "age"),
    # appositive age closed by a full stop
    ("The idea came from Dana Price, 38. She runs a farm.", "en", "38", "year", None, "age"),
    # age in brackets after a name
    ("وقال المهندس سامي (41 عاما) إن العمل انتهى.", "ar", "41 عاما", "year", None, "age"),
    # German adjectival duration "-minütige"
    ("Nach einer 90-minütigen Debatte stimmte der Rat zu.", "de", "90-minütigen", "minute", "debate", "duration"),
    # German "-jährige" before a thing is a duration, before a person an age
    ("Er verbüßt eine zweijährige Haftstrafe.", "de", "zweijährige", "year", None, "duration"),
    ("Die zweijährige Tochter schlief.", "de", "zweijährige", "year", None, "age"),
    # French "an" is not read as a year in German ("83 Millionen an")
    ("Die Zahl stieg auf 83 Millionen an.", "de", "83 Millionen", None, None, "count"),
    # an adjective between the number and the time unit
    ("Les prix ont doublé au cours des 20 dernières années.", "fr", "20 dernières années", "year", None, "duration"),
    # a time unit after a bracketed Arabic number
    ("يبلغ طول الخط (75) كلم تقريبا.", "ar", "75", "km", None, "quantity"),
    # a bracketed Arabic number takes the noun after the bracket
    ("تنفذ الأمانة (14) مشروعا جديدا.", "ar", "14", None, "project", "count"),
    # list of percentages takes the unit of the last item
    ("Die Mieten stiegen um 20, 30 Prozent.", "de", "20", "percent", None, "percent"),
    # an all-caps acronym modifies the noun, it is not the pronoun "us"
    ("Three US diplomats left the country.", "en", "Three", None, "diplomat", "people"),
    # "U.S." before the noun is skipped
    ("About 900 U.S. soldiers remain there.", "en", "About 900", None, "soldier", "people"),
    # a possessive is a determiner, the counted noun follows it
    ("Nearly 30% of Europe's coal plants closed.", "en", "Nearly 30%", "percent", "plant", "percent"),
    # English "-ist" nouns are persons: the cue before them applies
    ("The rebels killed 14 loyalists in the raid.", "en", "14", None, "loyalist", "killed"),
    # Arabic: "استشهد" (was martyred) is killed
    ("استشهد ثلاثة من الجنود في الهجوم.", "ar", "ثلاثة", None, "soldier", "killed"),
    # Arabic: "احتجاز" (detention) is arrested
    ("أعلنت السلطات احتجاز خمسة صيادين أمس.", "ar", "خمسة", None, None, "arrested"),
    # Arabic relative-adjective plural after a number names persons
    ("زار المعرض أربعة برازيليين أمس.", "ar", "أربعة", None, "person", "people"),
    # German: "verschleppt" is kidnapped
    ("Rebellen haben 12 Menschen verschleppt.", "de", "12", None, "people", "kidnapped"),
    # German: "gestorben" is killed
    ("An der Grippe sind 40 Patienten gestorben.", "de", "40", None, "patient", "killed"),
    # German: a cue opening another noun phrase does not apply ("den verletzten Fahrer")
    ("Sie ersetzt vier Spieler und den verletzten Kapitän.", "de", "vier", None, "player", "people"),
    # German: the last part of a compound noun is translated
    ("Es gab drei Bombenanschläge in der Stadt.", "de", "drei", None, "attack", "count"),
    # a German compound is read from its last part only when that part is long enough
    ("Der 24-jährige Niederländer gewann.", "de", "24-jährige", "year", "dutchman", "age"),
    # German nationality noun
    ("Unter den Opfern waren sechs Österreicher.", "de", "sechs", None, "austrian", "people"),
    # Spanish "fui" (I was) is not French "fui" (fled)
    ("Fui con tres amigos al estadio.", "es", "tres", None, "friend", "people"),
    # Spanish "baleados" (shot) is wounded
    ("Dos jóvenes fueron baleados anoche.", "es", "Dos", None, "youth", "wounded"),
    # French capitalised demonym is a person
    ("Deux Sénégalais ont été interpellés.", "fr", "Deux", None, "sénégalais", "arrested"),
    # French -ien demonym after an approximate noun
    ("Une trentaine de Tunisiens ont manifesté.", "fr", "Une trentaine", None, "tunisien", "people"),
    # a past-tense verb after a singular head noun ends the noun phrase
    ("A 24-hour transport strike took place on Monday.", "en", "24-hour", "hour", "strike", "duration"),
    # "in his late 40s" is still a decade of life
    ("A man in his late 40s was questioned.", "en", "40s", "year", "man", "age"),
    # "fatally shot" is killed
    ("A sniper fatally shot three guards at the gate.", "en", "three", None, "guard", "killed"),
    # a "but" clause after the number does not give it its cue
    ("They questioned four drivers but no arrests were made.", "en", "four", None, "driver", "people"),
    # millennia are a time unit
    ("The city has stood for nearly three millennia.", "en", "nearly three millennia", "millennium", None, "duration"),
    # an "Age:" label makes the figure an age
    ("Name: J. Doe\nAge: 41 years\n", "en", "41 years", "year", None, "age"),
    # a German compound is not an English cue ("Fledermäuse" does not contain "fled")
    ("Die Forscher fingen 40 Fledermäuse in der Höhle.", "de", "40", None, "fledermäuse", "count"),
    # after "of whom" the verb belongs to the second count
    ("Bisher erkrankten 900 Menschen, von denen 30 starben.", "de", "900", None, "people", "people"),
    ("Bisher erkrankten 900 Menschen, von denen 30 starben.", "de", "30", None, None, "killed"),
    # "statt" links two percentages
    ("Die Wirtschaft wuchs um 0,7 statt 0,5 Prozent.", "de", "0,7", "percent", None, "percent"),
    # French "milles" (plural) is the nautical unit, not the number
    ("Le voilier avait 12 milles d'avance.", "fr", "12 milles", "mile", None, "quantity"),
    # a French duration in hours glued to "h" stays a duration
    ("La grève a duré 48h dans la ville.", "fr", "48h", "hour", None, "duration"),
    # a bracketed span of years after a thing is a duration, after a name an age
    ("Une turbine dure peu (25 ans) selon eux.", "fr", "25 ans", "year", None, "duration"),
    ("Selon Paul Martin (52 ans), tout va bien.", "fr", "52 ans", "year", None, "age"),
    # the owner of a decade of life may come a few words earlier
    ("Most were men in their late teens and early 20s.", "en", "20s", "year", None, "age"),
    # a vague scale "of dollars" is money
    ("The war cost billions of dollars.", "en", "billions of dollars", "USD", None, "money"),
    # "-pound" after a number is a weight idiom, not sterling
    ("Nobody mentions the 800-pound gorilla here.", "en", "800", None, None, "count"),
    # a hyphenated currency after a scale ("a million-dollar fine")
    ("The court imposed a million-dollar fine.", "en", "a million-dollar", "USD", None, "money"),
    # "respectively" is not a counted noun
    ("Ana and Luz, 29 and 27 years old respectively, signed.", "en", "27 years old", "year", None, "age"),
    # an ISO currency code after the amount
    ("Le marché vaut 4,5 milliards USD cette année.", "fr", "4,5 milliards USD", "USD", None, "money"),
    # percent joined by a hyphen in a German compound
    ("Sie führt eine 30-Prozent-Partei an.", "de", "30-Prozent", "percent", None, "percent"),
    # power units are quantities
    ("Der Park liefert 40 Megawatt Strom.", "de", "40 Megawatt", "MW", None, "quantity"),
    # a clause with its own verb after the count is not elliptic
    ("Some 300 people died and about 900 were infected.", "en", "about 900", None, None, "count"),
    # "the lives of" is not a death
    ("It changed the lives of thousands of families.", "en", "thousands", None, "family", "people"),
    # a German ordinal followed by a capitalised noun after a comma is not an appositive age
    ("Qualifikation, 3. Runde: Wien gegen Graz.", "de", "3", None, None, "count"),
    # an elliptic count in a list keeps the category of the count before it
    ("Hubo cuatro muertos en Lima y dos en Cusco.", "es", "dos", None, None, "killed"),
    ("غادر 120 ألف مسافر عبر المطار ونحو 80 ألف عبر البر.", "ar", "نحو 80 ألف", None, None, "people"),
]


@pytest.mark.parametrize(("text", "language", "span", "unit", "object_", "category"), CONTEXT_CASES)
def test_extract_figures_reads_unit_object_and_category(
    text: str, language: str, span: str, unit: str | None, object_: str | None, category: str
) -> None:
    assert _fields(text, language, span) == (unit, object_, category)


def test_extract_figures_reads_decade_of_life_as_age_range() -> None:
    figure = next(f for f in extract_figures("A man in his 40s was detained.", "en") if f.text == "40s")
    assert (figure.value, figure.lower, figure.upper, figure.qualifier) == (None, 40, 49, "range")


def test_extract_figures_merges_years_and_months_into_one_age() -> None:
    figure = next(iter(extract_figures("They adopted a girl of 4 years and 6 months.", "en")))
    assert (figure.text, figure.value, figure.unit, figure.category) == ("4 years and 6 months", 4.5, "year", "age")


def test_extract_figures_reads_coordinated_article_as_one() -> None:
    figures = extract_figures("Deux policiers et une femme ont été blessés.", "fr")
    assert [(f.text, f.value, f.object, f.category) for f in figures] == [
        ("Deux", 2, "police officer", "wounded"),
        ("une", 1, "woman", "wounded"),
    ]


def test_extract_figures_reads_pesos_from_the_country_named() -> None:
    text = "En Colombia, 30 empresas ganan más de dos billones de pesos."
    figure = next(f for f in extract_figures(text, "es") if f.unit is not None)
    assert (figure.value, figure.unit, figure.qualifier) == (2e12, "COP", "more_than")
