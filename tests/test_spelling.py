"""The offline English spelling dictionary behind `proof.spelling`."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterword.review import spelling
from afterword.review.spelling import SpellingDictionary, english


@pytest.fixture(scope="module")
def words() -> SpellingDictionary:
    return english()


def _split(text: str) -> list[str]:
    return text.split()


def _misspelling_pairs() -> list[tuple[str, str]]:
    text = (resources.files("afterword") / "data" / "misspellings.txt").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines()]
    return [tuple(line.split(" ", 1)) for line in lines if line and not line.startswith("#")]


def _terms() -> list[str]:
    text = (resources.files("afterword") / "data" / "terms.txt").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


# Knowing words


@pytest.mark.parametrize("word", ["the", "interview", "grateful", "opportunity", "afterwards"])
def test_common_words_are_known(words, word):
    assert words.is_known(word)


@pytest.mark.parametrize(
    "word",
    _split(
        "colour organisation realise programme centre theatre analyse catalogue travelled "
        "counselling licence defence honourable favourite behaviour paediatric oestrogen "
        "jewellery enrolment fulfil grey tyres"
    ),
)
def test_british_spellings_are_known(words, word):
    assert words.is_known(word)


@pytest.mark.parametrize(
    "word", _split("color organization realize program center analyze catalog traveled")
)
def test_american_spellings_are_known(words, word):
    assert words.is_known(word)


@pytest.mark.parametrize(
    "word",
    _split(
        "organisations realised unorganised prioritised colours centred defences programmes "
        "onboarded onboarders upskilled webhooks reshored containerizing"
    ),
)
def test_regular_forms_of_british_words_and_terms_are_known(words, word):
    assert words.is_known(word)


@pytest.mark.parametrize("word", ["cofounders", "reapplying", "nonurgent", "coworkers"])
def test_prefixed_words_are_known(words, word):
    assert words.is_known(word)


@pytest.mark.parametrize(
    "word",
    ["company's", "organisation's", "students'", "isn't", "wouldn't", "they'll", "we've", "I'm"],
)
def test_possessives_and_contractions_are_known(words, word):
    assert words.is_known(word)


def test_curly_apostrophes_count_as_straight_ones(words):
    assert words.is_known("don\u2019t")
    assert words.is_known("team\u2019s")


def test_only_auxiliaries_take_nt(words):
    assert not words.is_known("walkn't")


@pytest.mark.parametrize(
    "word",
    ["follow-up", "well-being", "co-founder", "state-of-the-art", "24-hour", "covid-19", "e-mail"],
)
def test_hyphenated_compounds_of_known_parts_are_known(words, word):
    assert words.is_known(word)


def test_a_compound_with_an_unknown_part_is_unknown(words):
    assert not words.is_known("follow-upp")
    assert not words.is_known("well--being")


@pytest.mark.parametrize(
    "word", ["7", "7th", "21st", "22nd", "103rd", "11th", "1990s", "90s", "3.2", "1,000", "5pm"]
)
def test_numbers_and_ordinals_are_known(words, word):
    assert words.is_known(word)


@pytest.mark.parametrize("word", ["1th", "11st", "12nd", "23th"])
def test_ordinals_with_the_wrong_suffix_are_unknown(words, word):
    assert not words.is_known(word)


@pytest.mark.parametrize("term", _terms())
def test_every_listed_term_is_known(words, term):
    assert words.is_known(term)


def test_terms_file_covers_many_fields():
    terms = _terms()
    assert 400 <= len(terms) <= 800
    assert len(set(terms)) == len(terms)
    for term in ["kubernetes", "idempotency", "intraoral", "palletizing", "viennoiserie", "hvac"]:
        assert term in terms


def test_accents_are_folded(words):
    for word in ["résumé", "resume", "Résumé", "café", "cafe", "naïve", "naive", "fiancée"]:
        assert words.is_known(word), word


def test_lowercase_words_are_known_in_any_capitalisation(words):
    assert words.is_known("Receive")
    assert words.is_known("RECEIVE")
    assert words.is_known("Kubernetes")


def test_terms_with_capitals_are_known_only_as_written_or_in_capitals(words):
    assert words.is_known("GitHub")
    assert words.is_known("GITHUB")
    assert not words.is_known("Github")
    assert not words.is_known("github")


# Rejecting misspellings


@pytest.mark.parametrize(
    "word",
    _split(
        "recieve definately greatful concidered oppurtunity challanges excercise sesaon seperate "
        "occured accomodate untill begining beleive wich alot thier"
    ),
)
def test_well_known_misspellings_are_unknown(words, word):
    assert not words.is_known(word)
    assert not words.is_known(word.capitalize())


@pytest.mark.parametrize(("wrong", "right"), _misspelling_pairs())
def test_the_misspellings_table_always_wins(words, wrong, right):
    assert not words.is_known(wrong)
    assert all(words.is_known(part) for part in right.split()), right


def test_misspellings_the_word_list_holds_are_still_unknown(words):
    # pyspellchecker's rare tail lists these; the table overrules it.
    for word in ["accidently", "surprize", "loosing", "calender"]:
        assert not words.is_known(word)


@pytest.mark.parametrize(
    "word",
    _split(
        "occured begining stoped writting makeing companys basicly truely arguement "
        "activitier teached buyed catched"
    ),
)
def test_inflections_the_list_spells_differently_are_misspellings(words, word):
    assert not words.is_known(word)


def test_british_rules_do_not_excuse_typos(words):
    for word in ["advize", "smilled", "tomourrow", "poppaed"]:
        assert not words.is_known(word), word


# Suggesting corrections


def test_suggests_receive_for_recieve(words):
    assert words.suggest("recieve") == "receive"


def test_suggestions_keep_the_writers_capitalisation(words):
    assert words.suggest("Recieve") == "Receive"
    assert words.suggest("RECIEVE") == "RECEIVE"
    assert words.suggest("Alot") == "A lot"


def test_corrections_keep_the_case_they_need(words):
    assert words.suggest("febuary") == "February"
    assert words.suggest("Github") == "GitHub"
    assert words.suggest("linkdin") == "LinkedIn"


@pytest.mark.parametrize(
    ("typo", "fix"),
    [("speling", "spelling"), ("hte", "the"), ("becuase", "because"), ("kubernets", "kubernetes")],
)
def test_suggests_the_commonest_word_one_edit_away(words, typo, fix):
    assert words.suggest(typo) == fix


def test_looks_two_edits_away_only_when_nothing_is_one_edit_away(words):
    assert words.suggest("embarasment") == "embarrassment"
    assert words.suggest("accomodaton") == "accommodation"


def test_a_british_typo_gets_a_british_suggestion(words):
    assert words.suggest("organisaton") == "organisation"


def test_suggestions_for_possessives_and_compounds(words):
    assert words.suggest("recieve's") == "receive's"
    assert words.suggest("follow-upp") == "follow-up"


def test_no_suggestion_for_known_noise_or_overlong_words(words):
    assert words.suggest("interview") is None
    assert words.suggest("qwrtzxvbnmplkjhgf") is None
    assert words.suggest("a" * 31) is None
    assert words.suggest("abc123") is None
    assert words.suggest("") is None


def test_suggest_stays_fast_for_long_unknown_words(words):
    # The budgets keep this near 10 ms; the bound only catches runaway searches.
    for word in ["qwertyuiopasdfghjklzxcvbn", "internationalisatoinnxyz", "z" * 25]:
        fresh = words.with_words([])
        start = time.perf_counter()
        fresh.suggest(word)
        assert time.perf_counter() - start < 0.25, word


# Extra words, frequency and loading


def test_with_words_adds_names_and_leaves_the_original_alone(words):
    named = words.with_words(["Priya Shah", "zorblax", "Jean-Luc"])
    assert named.is_known("Priya")
    assert named.is_known("PRIYA")
    assert named.is_known("Priya's")
    assert named.is_known("zorblax")
    assert named.is_known("Zorblax")
    assert named.is_known("Jean-Luc")
    assert not named.is_known("priya")
    assert not words.is_known("Priya")
    assert not words.is_known("zorblax")


def test_a_misspelt_name_gets_the_name_as_suggestion(words):
    named = words.with_words(["Priya"])
    assert named.suggest("Priay") == "Priya"
    assert named.suggest("priya") == "Priya"


def test_with_words_ignores_what_is_not_a_string(words):
    named = words.with_words(["Acme", None, 42])  # type: ignore[list-item]
    assert named.is_known("Acme")


def test_frequency_ranks_common_words_above_rare_ones(words):
    assert words.frequency("the") > words.frequency("interview") > words.frequency("abeam") > 0
    assert words.frequency("recieve") == 0
    assert words.frequency("colour") == words.frequency("color")
    assert words.frequency("kubernetes") > 0
    assert words.frequency("7th") > 0


def test_english_is_loaded_once_per_process():
    assert english() is english()


def test_the_word_list_is_read_from_the_package_without_spellchecker():
    source = Path(spelling.__file__).read_text(encoding="utf-8")
    names = {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}
    assert "SpellChecker" not in names
    assert "en.json.gz" in source


def test_suggestions_are_the_same_whatever_the_hash_seed():
    script = (
        "from afterword.review.spelling import english\n"
        "d = english()\n"
        "for w in ['embarasment', 'accomodatoinn', 'qwertyuiopasdfghjklzxcvbn', 'Priay', 'teh',"
        " 'organisaton', 'xyzzyq', 'wroestling']:\n"
        "    print(w, d.suggest(w), d.is_known(w), d.frequency(w))\n"
    )
    runs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        runs.add(done.stdout)
    assert len(runs) == 1


_TOKENS = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzAEIOUéü'’-0123456789"), max_size=40
)


@given(st.one_of(st.text(max_size=80), _TOKENS))
def test_lookups_never_raise_and_are_deterministic(text):
    words = english()
    fresh = words.with_words([])  # no cache shared with `words`
    known = words.is_known(text)
    suggestion = words.suggest(text)
    assert isinstance(known, bool)
    assert suggestion is None or isinstance(suggestion, str)
    assert fresh.is_known(text) == known
    assert fresh.suggest(text) == suggestion
    assert words.frequency(text) >= 0
    if known:
        assert suggestion is None


@given(st.text(min_size=1, max_size=5000))
def test_huge_and_odd_input_is_handled(text):
    words = english()
    words.is_known(text * 3)
    words.suggest(text * 3)
