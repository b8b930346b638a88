"""What a rejection said that a reply can pick up: their kind words, and their plans.

A reply that echoes something only this email said is specific to this company even when
the user adds nothing: "thank you for your kind words about the author events I organised"
answers the person who wrote it, not anyone. Pure text in, phrases out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from afterword.review.rules.personal import generic_vocabulary

# Someone on their side appreciated something of the candidate's: the object is what the
# reply thanks them for ("your insight into guest recovery").
_PRAISE_OBJECT = re.compile(
    r"(?ix)\b(?:we|i|the\ team|the\ panel|everyone|they|both\ of\ us|the\ hiring\ team)\s+"
    r"(?:\w+ly\ |all\ |very\ much\ )?"
    r"(?:enjoyed|loved|appreciated|valued|liked|admired|were\ (?:\w+\ )?impressed\ (?:by|with)"
    r"|was\ (?:\w+\ )?impressed\ (?:by|with)|were\ struck\ by|was\ struck\ by)\s+"
    r"(?:(?:reading|hearing|learning|seeing|talking|chatting)\s+(?:about|through)\s+)?"
    r"(?P<object>.+)"
)
_POSITIVE = re.compile(
    r"(?i)\b(enjoyed|loved|liked|admired|appreciated|valued|impress\w*|excellent|outstanding|"
    r"strong|stood out|struck by|positive|clearest|creative|thoughtful|insightful|memorable|standout|"
    r"great|superb|brilliant)\b"
)
# A clause that carries the decision or a gap is not praise, whatever else it says.
_NEGATIVE = re.compile(
    r"(?i)\b(not|no|unfortunately|regret\w*|decided|decision|sorry|unable|however|lighter|"
    r"gaps?|lack\w*|weak\w*|closer|another|other candidates?|instead|declin\w*|felt you|"
    r"more about|more depth|more detail)\b|n't\b|\b(?:would|'d)\s+have\s+liked|would\s+like\s+to\s+have"
)
_ABOUT_CANDIDATE = re.compile(
    r"(?i)\b(you|your|yours)\b|\b(we|team|panel|they|i)\s+(\w+ly\s+)?(enjoyed|loved|liked|admired)\b"
)
# Their plans for more openings, which a reply can say it was glad to read.
_PLANS = re.compile(
    r"(?ix)\b(?:we|our\ team|the\ team|our\ \w+)\s+(?:are|is|'re|will\ be|expect\ to|plan\ to"
    r"|hope\ to|anticipate|expect)\s+(?:\w+\s+){0,2}"
    r"(?:grow|expand|hir|open|advertis|add|recruit|launch)\w*\b"
)
_SENTENCE = re.compile(r"[^.!?:\n]+(?:[.!?](?=\s|$)|$)", re.MULTILINE)
# Where a clause about them ends and a contrast or a new thought begins.
_CLAUSE_END = re.compile(
    r"(?i);|\s[—–-]\s|,?\s(?:but|however|although|though|while|whereas|yet)\b"
    r"|,\s(?:and\s|so\s|as\s)?(?=(?:we|i|please|so|they|everyone|the\s+(?:team|panel))\s)|\s(?:and|but)\s(?=(?:would|will|wish|hope|look)\b)"
)
# Their thanks for a moment of the process ("for walking us through your portfolio").
_THANKS_FOR = re.compile(
    r"(?i)^(?:many\s)?(?:thank\s+you|thanks)(?:\s+\w+){0,2}?\s+for\s+(?P<rest>.+)"
)
_SPENT_ON = re.compile(
    r"(?i)^(?:the\s+)?(?:time|effort|energy)\s+(?:that\s+)?you\s+(?:invested|spent|gave|put|have\s+given|devoted)"
    r"\s+(?:in|into|on|to)\s+|^taking\s+(?:the\s+time\s+to\s+|part\s+in\s+)"
    r"|^making\s+(?:the\s+)?time\s+(?:for|to)\s+"
)
_LEADING = re.compile(
    r"(?i)^(?:[*•·\-–—>]+\s*)?(?:(?:and|also|so|but|while|especially|in particular|here's)\b[\s,]*)?"
)
# Where a moment of the process ends and a comment on it begins ("..., the shop was busy").
_MOMENT_END = re.compile(r"(?i),\s+(?=(?:the|it|we|i|you|which|so|this|that)\b)")
# "Thank you for taking the time to speak with us": the verb after "to" becomes "speaking".
_TO_VERB = re.compile(r"(?i)^taking\s+the\s+time\s+to\s+(?P<verb>[a-z]+)\b")
# Thanks for the application itself, or for writing back: nothing worth echoing.
_COURTESY = re.compile(
    r"(?i)(?:your|the|my)\s+(?:\w+\s+)?(?:interest|application|patience|time|message|email|note|"
    r"reply|cv|résumé|resume|candidacy)\b|following\s+up|reaching\s+out|getting\s+(?:back|in\s+touch)"
    r"|applying|considering"
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Words after which "you" is an object ("meeting you") rather than a subject ("you organised").
_OBJECT_CUES = frozenset(
    [
        "to",
        "with",
        "for",
        "about",
        "from",
        "of",
        "at",
        "by",
        "on",
        "meeting",
        "meet",
        "met",
        "thank",
        "thanks",
        "invite",
        "invited",
        "tell",
        "told",
        "give",
        "gave",
        "show",
        "showed",
        "see",
        "saw",
        "hear",
        "heard",
        "ask",
        "asked",
    ]
)
_CANDIDATE_TO_WRITER = {"your": "my", "yours": "mine", "yourself": "myself", "you've": "I've"}
_COMPANY_TO_READER = {"we": "you", "our": "your", "ours": "yours", "us": "you", "we're": "you're"}
_COMPANY_TO_READER |= {
    "we've": "you've",
    "we'd": "you'd",
    "we'll": "you'll",
    "ourselves": "yourselves",
}
_WRITER_TO_READER = {"i": "you", "me": "you", "my": "your", "i'm": "you're", "i've": "you've"}
MIN_SPECIFIC = 2
MAX_OBJECT_WORDS = 18
MAX_CLAUSE_WORDS = 28


@dataclass(frozen=True)
class Echoes:
    """What the reply can pick up from the rejection (None when the email gave nothing).

    praise: what they liked, in the candidate's voice ("my talk on X"), to thank them for.
    praise_clause: the same as a whole clause ("the team enjoyed my library project").
    plans: their hiring plans, addressed to them ("you expect to hire again in spring").
    moment: a moment of the process they thanked you for ("walking you through my portfolio").
    """

    praise: str | None = None
    praise_clause: str | None = None
    plans: str | None = None
    moment: str | None = None

    def __bool__(self) -> bool:
        return bool(self.praise or self.praise_clause or self.plans or self.moment)


def echoes_of(text: str, names: tuple[str, ...] = ()) -> Echoes:
    """Their kind words and their hiring plans, ready to be echoed in a reply."""
    praise = clause = plans = moment = None
    # Hard-wrapped lines are one paragraph; a blank line still ends a sentence.
    unwrapped = re.sub(r"(?<!\n)[ \t]*\n(?!\n)[ \t]*", " ", text)
    for sentence in _SENTENCE.findall(unwrapped):
        parts = _clauses(sentence)
        if moment is None and parts:
            moment = _moment(parts[0], names)
        for part in parts:
            if praise is None and clause is None and _is_praise(part):
                praise, clause = _praise_forms(part, names)
            plan = _PLANS.search(part)
            if plans is None and plan and not _NEGATIVE.search(part):
                candidate = _swap(part[plan.start() :])
                if _fits(candidate, names, MAX_CLAUSE_WORDS):
                    plans = candidate
    return Echoes(praise=praise, praise_clause=clause, plans=plans, moment=moment)


def _clauses(sentence: str) -> list[str]:
    text = " ".join(sentence.split()).strip(" ,.!?")
    parts = [_LEADING.sub("", part.strip(" ,.!?")) for part in _split(text)]
    return [part for part in parts if part]


def _split(text: str) -> list[str]:
    parts, start = [], 0
    for cut in _CLAUSE_END.finditer(text):
        parts.append(text[start : cut.start()])
        start = cut.end()
    parts.append(text[start:])
    return parts


def _moment(clause: str, names: tuple[str, ...]) -> str | None:
    thanks = _THANKS_FOR.match(clause)
    if not thanks:
        return None
    best = None
    for piece in re.split(r"(?i),?\s+and\s+(?:especially\s+)?for\s+", thanks["rest"]):
        piece = _MOMENT_END.split(piece.strip(), maxsplit=1)[0]
        to_verb = _TO_VERB.match(piece)
        if to_verb:
            piece = _gerund(to_verb["verb"]) + piece[to_verb.end() :]
        piece = _SPENT_ON.sub("", piece)
        if _COURTESY.match(piece):
            continue
        swapped = _swap(piece)
        if _fits(swapped, names, MAX_OBJECT_WORDS):
            best = swapped
    return best


def _gerund(verb: str) -> str:
    """speak -> speaking, come -> coming, chat -> chatting: enough for the verbs of a process."""
    lower = verb.lower()
    if lower.endswith("ing"):
        return lower
    if lower.endswith("e") and not lower.endswith(("ee", "ye", "oe")):
        return lower[:-1] + "ing"
    short = len(lower) <= 4 and lower[-1] not in "aeiouwxy" and lower[-2:-1] in tuple("aeiou")
    if short and lower[-3:-2] not in tuple("aeiou"):
        return lower + lower[-1] + "ing"
    return lower + "ing"


def _is_praise(clause: str) -> bool:
    return bool(
        _POSITIVE.search(clause)
        and _ABOUT_CANDIDATE.search(clause)
        and not _NEGATIVE.search(clause)
    )


def _praise_forms(clause: str, names: tuple[str, ...]) -> tuple[str | None, str | None]:
    match = _PRAISE_OBJECT.search(clause)
    if match and re.search(r"(?i)\byour?\b", match["object"]):
        thing = _swap(match["object"])
        if _fits(thing, names, MAX_OBJECT_WORDS):
            return thing, None
    whole = _swap(clause)
    if _fits(whole, names, MAX_CLAUSE_WORDS):
        return None, _lower_first(whole)
    return None, None


def _fits(phrase: str, names: tuple[str, ...], most: int) -> bool:
    if not 3 <= len(phrase.split()) <= most:
        return False
    stock = generic_vocabulary()
    known = {part.lower() for name in names for part in _WORD.findall(name)}
    words = {w.lower() for w in _WORD.findall(phrase) if len(w) > 2}
    return len(words - stock - known) >= MIN_SPECIFIC


def _swap(clause: str) -> str:
    """Turn their words into the reply's: your -> my, we -> you, I (the writer) -> you."""
    out: list[str] = []
    for word in clause.split(" "):
        core = word.strip(",;:()\"'“”‘’")
        lowered = core.lower().replace("’", "'")
        previous = out[-1].lower().strip(",") if out else ""
        if lowered == "you":
            new = "me" if previous in _OBJECT_CUES or previous.endswith("ing") else "I"
        elif lowered in ("you're", "you’re"):
            new = "I'm"
        elif lowered in _CANDIDATE_TO_WRITER:
            new = _CANDIDATE_TO_WRITER[lowered]
        elif lowered in _COMPANY_TO_READER:
            new = _COMPANY_TO_READER[lowered]
        elif lowered in _WRITER_TO_READER and core in ("I", "me", "my", "I'm", "I've"):
            new = _WRITER_TO_READER[lowered]
        elif lowered in ("were", "are", "was", "am") and previous in ("i", "you"):
            new = _agree(previous, lowered)
        else:
            out.append(word)
            continue
        if core[:1].isupper() and new != "I" and not out:
            new = new[:1].upper() + new[1:]
        out.append(word.replace(core, new, 1) if core else new)
    return " ".join(out)


def _agree(subject: str, verb: str) -> str:
    if subject == "i":
        return {"were": "was", "are": "am"}.get(verb, verb)
    return {"was": "were", "am": "are"}.get(verb, verb)


def _lower_first(clause: str) -> str:
    first, _, rest = clause.partition(" ")
    if first.lower() in {
        "the",
        "their",
        "they",
        "your",
        "my",
        "you",
        "everyone",
        "both",
        "it",
        "this",
    }:
        first = first.lower()
    return f"{first} {rest}".strip()
