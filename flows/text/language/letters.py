"""Letters as evidence: letters that decide a language, rule one out, or fall outside its alphabet."""

from __future__ import annotations

import re

# Letters that decide among languages of one script (checked in order; first hit wins).
LETTER_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "arabic": (("ٹڈڑںےۓہھ", "ur"),),
    "cyrillic": (
        ("ўЎ", "be"),
        ("әғқңөұүһӘҒҚҢӨҰҮҺ", "kk"),
        ("ђћЂЋ", "sr"),
        ("ѓќѕЃЌЅ", "mk"),
        ("їєґЇЄҐ", "uk"),
        ("өүӨҮ", "mn"),
    ),
}
# Letters that rule out a candidate without deciding among the rest: Persian and Urdu both
# write پ چ ژ گ and the Persian forms ی ک, Arabic does not (unless its own ي ك ة ى dominate).
PERSIAN_URDU_LETTERS = "پچژگیک"
_ARABIC_ONLY = "يكةى"  # letters Arabic writes where Persian writes ی/ک
# Letters each language writes beyond the plain a-z / its script's shared core; a candidate
# is dropped when more than ALPHABET_TOLERANCE of the sample's words hold a letter outside it
# (a loanword or a name such as "São Paulo" in an English lead does not exclude English).
ENGLISH_LOAN_LETTERS = "éèêëïöüçñáíóúàâãõåäøæ"  # names and loanwords (café, Zürich, São)
_CYRILLIC_CORE = "абвгдежзиклмнопрстуфхцчшщъыьэюяйё"
ALPHABETS: dict[str, str] = {
    "af": "áéèêëíîïóôúûŉ",
    "ca": "àçéèíïòóúü·",
    "cs": "áčďéěíňóřšťúůýž",
    "cy": "âêîôûŵŷáéíóúẁẃẅỳýäëïöüàèìòù",
    "da": "æøåé",
    "de": "äöüß",
    "en": ENGLISH_LOAN_LETTERS,
    "es": "áéíóúüñ",
    "et": "äöõüšž",
    "fi": "äöåšž",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "hr": "čćđšž",
    "hu": "áéíóöőúüűõû",
    "id": "",
    "it": "àèéìíîòóùú",
    "lt": "ąčęėįšųūž",
    "lv": "āčēģīķļņšūž",
    "nl": "áéèëíïóöúü",
    "no": "æøåéèóòôü",
    "pl": "ąćęłńóśźż",
    "pt": "áâãàçéêíóôõúü",
    "ro": "ăâîșşțţ",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "sl": "čšžćđ",
    "so": "",
    "sq": "çë",
    "sv": "åäöé",
    "sw": "",
    "tl": "ñáéíóú",
    "tr": "çğıöşüâîûýþð",
    "vi": "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ",
    "ru": _CYRILLIC_CORE,
    "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя’'",
    "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
}
ALPHABET_TOLERANCE = 0.1
_ALPHABET_SETS = {lang: frozenset(letters) for lang, letters in ALPHABETS.items()}
_NON_ASCII_LETTER_RE = re.compile(r"[^\W\d_a-z]")


def letter_rule_language(text: str, script: str) -> str | None:
    """Return the language a script's distinctive letters decide, if any."""
    for letters, language in LETTER_RULES.get(script, ()):
        if any(ch in letters for ch in text):
            return language
    return None


def letter_excluded(text: str, script: str) -> frozenset[str]:
    """Return the candidates that letters rule out (Arabic when Persian/Urdu letters lead)."""
    if (
        script == "arabic"
        and any(ch in PERSIAN_URDU_LETTERS for ch in text)
        and _count(text, _ARABIC_ONLY) <= _count(text, "یک")
    ):
        return frozenset({"ar"})
    return frozenset()


def _count(text: str, letters: str) -> int:
    """Return how many characters of text are among letters."""
    return sum(text.count(ch) for ch in letters)


def compatible_candidates(sample: str, candidates: frozenset[str]) -> frozenset[str]:
    """Return the candidates whose alphabet covers the sample's letters (all if none does)."""
    words = sample.lower().split()
    marked = [set(found) for w in words if (found := _NON_ASCII_LETTER_RE.findall(w))]
    allowed = ALPHABET_TOLERANCE * len(words)
    kept = frozenset(
        lang
        for lang in candidates
        if lang not in _ALPHABET_SETS or sum(not letters <= _ALPHABET_SETS[lang] for letters in marked) <= allowed
    )
    return kept or candidates
