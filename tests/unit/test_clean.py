"""clean_article: noise at the edges and inline goes, body sentences stay, offsets hold."""

from __future__ import annotations

import pytest

from flows.text.boilerplate import learn_boilerplate
from flows.text.clean import REASONS, clean_article
from flows.text.clean.features import EMAIL_RE, URL_RE
from flows.text.clean.phrases import READ_MORE_TAIL_RE

BODY_EN = (
    "The city council approved the new budget on Tuesday after a long debate.\n"
    "Officials said the plan would fund two schools and a bridge over the river."
)
BODY_FR = (
    "Le conseil municipal a adopté mardi le nouveau budget après un long débat.\n"
    "Selon les élus, le plan financera deux écoles et un pont sur la rivière."
)
BODY_DE = (
    "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen.\n"
    "Nach Angaben der Verwaltung finanziert der Plan zwei Schulen und eine Brücke."
)
BODY_ES = (
    "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate.\n"
    "Según los concejales, el plan financiará dos escuelas y un puente sobre el río."
)
BODY_IT = (
    "Il consiglio comunale ha approvato martedì il nuovo bilancio dopo un lungo dibattito.\n"
    "Secondo i consiglieri, il piano finanzierà due scuole e un ponte sul fiume."
)
BODY_PL = (
    "Rada miasta przyjęła we wtorek nowy budżet po długiej debacie.\n"
    "Według radnych plan sfinansuje dwie szkoły i most na rzece."
)
BODY_RU = (
    "Городской совет во вторник после долгих споров утвердил новый бюджет.\n"
    "По словам депутатов, план профинансирует две школы и мост через реку."
)
BODY_AR = (
    "وافق مجلس المدينة يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل.\n"
    "وقال المسؤولون إن الخطة ستمول مدرستين وجسرا فوق النهر."
)


def _removed(raw: str) -> dict[str, str]:
    """Return {removed text: reason} for raw."""
    return {r.text: r.reason for r in clean_article(raw).removed}


@pytest.mark.parametrize(
    ("raw", "noise", "reason"),
    [
        # the seed's trailer: an Arabic share label under an English article
        (BODY_EN + "\nمشاركة :", "مشاركة :", "share-label trailer"),
        (BODY_DE + "\n\nTeilen:", "Teilen:", "share-label trailer"),
        (BODY_PL + "\nUdostępnij:", "Udostępnij:", "share-label trailer"),
        (BODY_EN + "\nShare this article!", "Share this article!", "share-label trailer"),
        (
            BODY_EN + "\nArticle republished with permission from The Example Post",
            "Article republished with permission from The Example Post",
            "source credit",
        ),
        (
            BODY_EN + "\nRead more: Ten Bridges That Changed The City",
            "Read more: Ten Bridges That Changed The City",
            "read-more link",
        ),
        (
            BODY_FR + "\nÀ lire aussi : Le pont qui divise la ville",
            "À lire aussi : Le pont qui divise la ville",
            "read-more link",
        ),
        (
            BODY_DE + "\nMehr zum Thema - Warum die Brücke teurer wird",
            "Mehr zum Thema - Warum die Brücke teurer wird",
            "read-more link",
        ),
        (
            BODY_ES + "\nTe puede interesar: El puente más largo del país",
            "Te puede interesar: El puente más largo del país",
            "read-more link",
        ),
        (
            BODY_IT + "\nLeggi anche: Il ponte della discordia",
            "Leggi anche: Il ponte della discordia",
            "read-more link",
        ),
        (BODY_IT + "\nTutti i diritti riservati", "Tutti i diritti riservati", "copyright line"),
        (
            BODY_DE + "\nFolgen Sie uns auf Twitter und Facebook",
            "Folgen Sie uns auf Twitter und Facebook",
            "follow-us plea",
        ),
        (BODY_EN + "\njane.doe@example.com", "jane.doe@example.com", "contact trailer"),
        (BODY_EN + "\nASSOCIATED PRESS", "ASSOCIATED PRESS", "agency credit"),
        (BODY_IT + "\n(Agenzia/R)", "(Agenzia/R)", "agency credit"),
        # a foreign-script line at the edge that no lexicon knows
        (BODY_EN + "\n分享到微博", "分享到微博", "foreign-script edge line"),
        # a short unpunctuated trailer line (a masthead) is noise at the edge
        (BODY_EN + "\nThe Riverside Gazette", "The Riverside Gazette", "short edge line"),
        (BODY_EN + "\nTags: budget, bridges, schools, council", "Tags: budget, bridges, schools, council", "tags line"),
        ("Actualizado: 14/03/2021 - 09:45 h\n" + BODY_ES, "Actualizado: 14/03/2021 - 09:45 h", "timestamp"),
        ("Zuletzt aktualisiert: 14.03.2021, 09:45\n" + BODY_DE, "Zuletzt aktualisiert: 14.03.2021, 09:45", "timestamp"),
        ("Next Previous\n" + BODY_EN, "Next Previous", "carousel label"),
        # inline noise between body paragraphs
        ("The council met on Tuesday.\nAdvertisement\n" + BODY_EN, "Advertisement", "advertisement"),
    ],
)
def test_clean_article_drops_noise_with_reason(raw: str, noise: str, reason: str) -> None:
    result = clean_article(raw)
    assert noise not in result.clean_text
    assert _removed(raw).get(noise) in REASONS


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        # a dateline opens the body
        (
            "MOSCOW, Aug 2 (Reuters) - The ministry said talks would resume next week.\n" + BODY_EN,
            "MOSCOW, Aug 2 (Reuters) - The ministry said talks would resume next week.",
        ),
        # a headline as first line is body, even when short and unpunctuated
        ("New Budget Passes\n" + BODY_EN, "New Budget Passes"),
        # a headline with a label-like colon at the top is body
        ("Experte: Die Brücke ist sicher\n" + BODY_DE, "Experte: Die Brücke ist sicher"),
        # a last sentence that merely mentions support is body
        (
            BODY_EN + "\nThe mayor said the city would support families hit by the flood.",
            "The mayor said the city would support families hit by the flood.",
        ),
        # a body sentence that mentions a newsletter is not a plea
        (
            "The company newsletter reached staff on Monday, officials said.\n" + BODY_EN,
            "The company newsletter reached staff on Monday, officials said.",
        ),
        # a reported-speech colon ending in a full stop is body
        (
            BODY_FR + "\nLe maire a déclaré : les travaux commenceront en mai.",
            "Le maire a déclaré : les travaux commenceront en mai.",
        ),
        # a closing quotation in German quotes is body
        (BODY_DE + "\nDie Formel ist klar: „Wir bauen die Brücke.“", "Die Formel ist klar: „Wir bauen die Brücke.“"),
        # verse at the end (a run of short lines) is body, not a trailer
        (BODY_AR + "\nيا ليل طول\nيا قمر غيب\nيا نجم اسهر", "يا نجم اسهر"),
        # the only line of a document is never peeled as an edge
        ("Heavy rain closed the bridge on Monday morning", "Heavy rain closed the bridge"),
        # a caption credit glued to a sentence goes, the sentence stays
        ("The bridge opened in 1990.Photo: City Archive\n" + BODY_EN, "The bridge opened in 1990."),
        # a body sentence followed by a glued agency credit keeps the sentence
        (BODY_EN + " (Reporting by Jane Doe; Editing by John Roe)", "a bridge over the river."),
    ],
)
def test_clean_article_keeps_body(raw: str, kept: str) -> None:
    assert kept in clean_article(raw).clean_text


@pytest.mark.parametrize(
    "raw", [BODY_EN, BODY_FR, BODY_DE, BODY_ES, BODY_IT, BODY_PL, BODY_RU, BODY_AR, "Title Line\n\n" + BODY_EN]
)
def test_clean_article_leaves_clean_documents_untouched(raw: str) -> None:
    result = clean_article(raw)
    assert result.clean_text == raw
    assert result.removed == ()


@pytest.mark.parametrize(
    "raw",
    [
        BODY_EN + "\r\nمشاركة :  \n",
        "  By Jane Doe\n\n" + BODY_EN + "\n\nASSOCIATED PRESS\n© 2020 Example",
        "Next Previous نواف العلي – جدة\n" + BODY_AR,
        # a credit glued to the last body line is found by two rules but removed once
        BODY_EN + "\nThe bridge opened last spring.Foto: City Archive",
    ],
)
def test_clean_article_removal_offsets_point_into_raw_text(raw: str) -> None:
    removed = clean_article(raw).removed
    assert removed
    assert all(raw[r.start : r.end] == r.text for r in removed)
    assert all(r.reason in REASONS for r in removed)
    assert all(a.end <= b.start for a, b in zip(removed, removed[1:], strict=False))


def test_clean_article_strips_share_bar_prefix_but_keeps_the_dateline() -> None:
    raw = "Next Previous نواف العلي – جدة\n" + BODY_AR
    result = clean_article(raw)
    assert result.clean_text.lstrip().startswith("نواف العلي – جدة")
    assert result.clean_text.index("نواف") == raw.index("نواف")  # noise blanked, offsets kept
    assert [r.reason for r in result.removed] == ["carousel label"]


@pytest.mark.parametrize(
    ("raw", "clean", "repair"),
    [
        ("The cafÃ© reopened on Monday.", "The café reopened on Monday.", "mojibake"),
        ("The\u00a0bridge reopened on Monday.", "The bridge reopened on Monday.", "non-breaking-space"),
        ("The bri\u200bdge reopened on Monday.", "The bridge reopened on Monday.", "zero-width"),
        # a decomposed e + combining acute becomes one code point
        ("Le cafe\u0301 a rouvert lundi.", "Le café a rouvert lundi.", "nfc"),
        # inner spacing is kept (offsets stay those of the raw text); only the end is trimmed
        ("The  bridge   reopened.\n\n\n\nIt was busy.  ", "The  bridge   reopened.\n\n\n\nIt was busy.", "whitespace"),
        ("Line one.\r\nLine two.", "Line one.\nLine two.", "line-endings"),
    ],
)
def test_clean_article_repairs_text_and_lists_repairs(raw: str, clean: str, repair: str) -> None:
    result = clean_article(raw)
    assert result.clean_text == clean
    assert repair in result.repairs


def test_clean_article_keeps_persian_zero_width_non_joiner() -> None:
    raw = "می\u200cخواهم امروز به کتابخانه بروم و چند کتاب تازه بخوانم."
    assert clean_article(raw).clean_text == raw


def test_clean_article_is_deterministic() -> None:
    raw = "By Jane Doe\n" + BODY_EN + "\nمشاركة :"
    assert clean_article(raw) == clean_article(raw)


def test_clean_article_drops_lines_learned_as_source_boilerplate() -> None:
    # a plea in no phrase list: repetition by its source is the evidence the reason names
    plea = "Got a tip for the desk"
    bodies = [BODY_EN, BODY_FR, BODY_DE, BODY_ES]
    batch = [("site-a", body + "\n" + plea) for body in bodies]
    learned = learn_boilerplate(batch).for_source("site-a")
    raw = BODY_EN + LONG_EN + plea
    result = clean_article(raw, learned)
    assert plea not in result.clean_text
    assert "repeated boilerplate (source)" in {r.reason for r in result.removed}


@pytest.mark.parametrize("raw", ["", "   \n \n"])
def test_clean_article_returns_empty_text_for_blank_input(raw: str) -> None:
    assert clean_article(raw).clean_text == ""


@pytest.mark.parametrize(
    "dateline",
    [
        # "agency – city" repeated in a whole batch is still a dateline
        "وكالة الأنباء – الرياض",
        # "city, date, agency" differs only in digits across a batch
        "الرياض 12 شوال 1436 هـ الموافق 28 يوليو 2015 م واس",
    ],
)
def test_clean_article_keeps_datelines_even_when_learned_as_repeated(dateline: str) -> None:
    bodies = [BODY_AR, BODY_EN, BODY_FR, BODY_DE]
    learned = learn_boilerplate([("site", dateline + "\n" + b) for b in bodies]).for_source("site")
    assert learned.lines
    assert dateline in clean_article(dateline + "\n" + BODY_AR, learned).clean_text


@pytest.mark.parametrize(
    "sentence",
    [
        # read-more phrases opening a real sentence
        "Also on Monday, the minister said the bridge would reopen in June.",
        "Recommended doses vary between patients, doctors said on Friday.",
        "Related charges were filed against two former officials last week.",
        "Zobacz, jak wygląda nowy most na Wiśle po remoncie.",
        # a carousel word opening a subheading or a sentence
        "Next steps for the council",
        "Next, the council will vote on the bridge budget.",
        # copyright as a topic, not a notice
        "Copyright cases rose sharply in the region last year, the court said.",
    ],
)
def test_clean_article_keeps_inline_sentences_that_start_like_noise(sentence: str) -> None:
    raw = BODY_EN + "\n" + sentence + "\n" + BODY_EN
    assert sentence in clean_article(raw).clean_text


@pytest.mark.parametrize(
    "sentence",
    [
        # last sentences that mention what trailers are made of
        "The report was published on 12 March 2019.",
        "We will support our allies, the president said.",
        "Die Regierung will jetzt die Ukraine unterstützen.",
        "The newsletter was first printed in 1990.",
    ],
)
def test_clean_article_keeps_last_sentences_that_mention_trailer_words(sentence: str) -> None:
    assert sentence in clean_article(BODY_EN + "\n" + sentence).clean_text


# a third body paragraph, so that no trailer line under test is the document's longest line
LONG_EN = (
    "\nThe bridge, closed since the spring floods damaged two of its piers, is expected to "
    "reopen to traffic before the end of the year, the transport department said.\n"
)


@pytest.mark.parametrize(
    ("trailer", "reason"),
    [
        # legal and imprint links, one per line (en, fr, de, es, it, pl, ru, ar)
        ("Privacy Policy", "site link"),
        ("Terms of Use", "site link"),
        ("Mentions légales", "site link"),
        ("Impressum", "site link"),
        ("Política de privacidad", "site link"),
        ("Note legali", "site link"),
        ("Polityka prywatności", "site link"),
        ("Comments", "site link"),
        # a site link after a colon ends a cookie banner's second line
        ("To learn how we handle data, see: Cookie Policy", "site link"),
        ("Proudly powered by ExamplePress", "site link"),
        # cookie banners, addressed by the site in the first person
        ("We use cookies to give you the best experience on our pages.", "cookie notice"),
        ("Nous utilisons des cookies pour améliorer votre expérience.", "cookie notice"),
        ("Wir verwenden Cookies, um unser Angebot für Sie zu verbessern.", "cookie notice"),
        ("Utilizamos cookies para mejorar tu experiencia.", "cookie notice"),
        ("Utilizziamo i cookie per offrirti la migliore esperienza.", "cookie notice"),
        ("Używamy plików cookie, aby ułatwić korzystanie z serwisu.", "cookie notice"),
        ("Мы используем файлы cookie для улучшения работы сайта.", "cookie notice"),
        # paywall notices
        ("Continue reading with a digital subscription.", "paywall notice"),
        ("Contenido exclusivo para suscriptores.", "paywall notice"),
        ("Articolo riservato agli abbonati.", "paywall notice"),
        ("Tekst dostępny tylko dla prenumeratorów.", "paywall notice"),
        ("Материал доступен только подписчикам.", "paywall notice"),
        # "related" headers
        ("You might also like", "read-more link"),
        ("Das könnte Sie auch interessieren", "read-more link"),
        ("Vous aimerez aussi", "read-more link"),
        ("Może cię zainteresować", "read-more link"),
        ("Вам может быть интересно", "read-more link"),
        ("قد يهمك", "read-more link"),
        # pleas to the reader: inbox, help
        ("Suscríbete y recibe cada mañana las noticias en tu correo.", "newsletter plea"),
        ("Help us keep local reporting free for everyone.", "support plea"),
        # a reprint credit that does not open with "article"
        ("Reprinted with permission from The Example Review.", "source credit"),
        # a form field label: a required-field star, or the reader addressed
        ("Your e-mail address: *", "label line"),
        ("Votre nom :", "label line"),
    ],
)
def test_clean_article_drops_site_chrome_and_reader_pleas(trailer: str, reason: str) -> None:
    raw = BODY_EN + LONG_EN + trailer
    assert trailer not in clean_article(raw).clean_text
    assert _removed(raw).get(trailer) in REASONS


def test_clean_article_drops_a_menu_run_beside_a_site_footer() -> None:
    # short lines next to a legal link are navigation, not verse
    menu = "Home\nWorld\nSport\nCulture\nPrivacy Policy"
    raw = BODY_EN + LONG_EN + menu
    assert clean_article(raw).clean_text.endswith("the transport department said.")


@pytest.mark.parametrize(
    "sentence",
    [
        # last sentences that mention site chrome words as their topic
        "The company changed its privacy policy last year, the regulator said.",
        "Officials said they would continue reading the report over the weekend.",
        "The service will remain free for subscribers until March.",
        "Critics said the site uses cookies to track readers without consent.",
        "La direction publiera ses conditions générales d'utilisation en mai.",
        "Das Impressum der Seite nannte keinen Verantwortlichen, sagte der Anwalt.",
        # a question about friends, in the third person, is a quote
        '"Are my friends safe?" she asked the officer at the gate.',
        # a body line that introduces a quotation is not a form label
    ],
)
def test_clean_article_keeps_last_sentences_that_mention_site_chrome(sentence: str) -> None:
    assert sentence in clean_article(BODY_EN + LONG_EN + sentence).clean_text


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        # navigation chrome above the headline
        ("Toggle navigation", "site link"),
        ("Zum Inhalt springen", "site link"),
        ("We use cookies to improve your visit. By continuing to browse you accept them.", "cookie notice"),
    ],
)
def test_clean_article_drops_site_chrome_above_the_body(header: str, reason: str) -> None:
    raw = header + "\n" + BODY_EN + LONG_EN
    assert _removed(raw).get(header) in REASONS


def test_clean_article_blanks_noise_so_offsets_stay_those_of_the_raw_text() -> None:
    raw = "Advertisement\nThe council met on Tuesday and 20 people spoke.\nShare this story!\n"
    result = clean_article(raw)
    assert [r.text for r in result.removed] == ["Advertisement", "Share this story!"]
    assert "Advertisement" not in result.clean_text and "Share" not in result.clean_text
    assert result.clean_text.index("20 people") == raw.index("20 people")
    assert result.clean_text.strip() == "The council met on Tuesday and 20 people spoke."


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (EMAIL_RE, "Write to news.desk+tips@mail.example.co.uk today", "news.desk+tips@mail.example.co.uk"),
        (EMAIL_RE, "(desk@example.org)", "desk@example.org"),  # a bracket is no part of the address
        (EMAIL_RE, "a.b.c.d@", None),  # no domain after the at sign
        (EMAIL_RE, "user@localhost", None),  # a domain needs a dot
        (URL_RE, "see my-site.com/page for more", "my-site.com/page"),
        (URL_RE, "news from sub.example.org", "example.org"),  # the host before the top-level domain
        (URL_RE, "the community", None),  # a top-level domain only after a dot
        (READ_MORE_TAIL_RE, "The minister spoke... more", "... more"),
        (READ_MORE_TAIL_RE, "He waited..... More", "..... More"),  # the whole run of dots
        (READ_MORE_TAIL_RE, "And more.", None),  # no ellipsis
    ],
)
def test_contact_and_read_more_patterns_match_from_the_start_of_a_run(pattern, text, found):
    match = pattern.search(text)
    assert (match.group() if match else None) == found


RESULTS_TABLE = "Riverside United 12 8 3 1 27\nHill Town 12 7 4 1 25\nLakeside Rovers 12 6 2 4 20"
LONG_BODY = BODY_EN + LONG_EN.rstrip() + "\n" + BODY_EN


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        # a table of names and numbers between body paragraphs (standings)
        (BODY_EN + "\n" + RESULTS_TABLE + "\n" + BODY_EN, "Lakeside Rovers 12 6 2 4 20"),
        # a sub-heading between paragraphs
        (BODY_EN + LONG_EN + "Funding for the bridge\n" + BODY_EN, "Funding for the bridge"),
        # an e-mail address quoted inside a story sentence
        (
            BODY_EN
            + "\nThe mayor answered the residents in a letter sent from mayor@riverside.example on Friday.\n"
            + BODY_EN,
            "mayor@riverside.example",
        ),
        # a dateline line above the body
        ("Jane Doe – Riverside\n" + LONG_BODY, "Jane Doe – Riverside"),
        # a wire-style dateline: place and date on a line of their own, in any corpus language
        ("RIVERSIDE 2004-06-11\n" + LONG_BODY, "RIVERSIDE 2004-06-11"),
        ("PORT ELLEN , Islay 2004-06-11\n" + LONG_BODY, "PORT ELLEN , Islay 2004-06-11"),
        ("LILLE, 12 mars\n" + LONG_BODY, "LILLE, 12 mars"),
        ("KRAKÓW, 3 lutego 2021 (PAP) -\n" + LONG_BODY, "KRAKÓW, 3 lutego 2021 (PAP) -"),
    ],
)
def test_clean_article_keeps_tables_headings_datelines_and_quoted_addresses(raw: str, kept: str) -> None:
    assert kept in clean_article(raw).clean_text


def test_clean_article_does_not_drop_a_line_only_because_the_source_repeats_it() -> None:
    # a batch of one kind of text (league results) repeats its division heading in every article
    heading = "Second Division"
    bodies = [BODY_EN, BODY_FR, BODY_DE, BODY_ES]
    batch = [("league-site", heading + "\n" + body + "\n" + RESULTS_TABLE) for body in bodies]
    learned = learn_boilerplate(batch).for_source("league-site")
    assert heading.casefold() in {line.key for line in learned.lines}
    raw = BODY_IT + LONG_EN + heading + "\n" + RESULTS_TABLE + "\n" + BODY_IT
    assert heading in clean_article(raw, learned).clean_text
