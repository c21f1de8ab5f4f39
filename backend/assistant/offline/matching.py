"""Finding the task a user means from the words they used (fuzzy, via rapidfuzz).

Three views of similarity, the best one counts: WRatio (typos across the phrase),
token_set_ratio ("milk" inside "buy almond milk") and a per-word match ("grocerys" for
"groceries"). Scores for all titles are computed in rapidfuzz's C loops, so a list of
hundreds of tasks costs well under a millisecond.
"""

from __future__ import annotations

import calendar
import functools
import re
from typing import Any

from rapidfuzz import fuzz, process, utils

from backend.assistant.offline.dates import WEEKDAY_ABBR, WEEKDAYS
from backend.assistant.offline.language import NAMES_NO_TASK, SHORT_FORMS, is_past
from backend.assistant.offline.parsing import TASK_VERBS

Task = dict[str, Any]

MATCH = 72  # a score at or above this can be the task meant
CLEAR_WIN = 10  # the best must beat the runner-up by this much, or we ask
SUGGEST = 45  # below MATCH but at or above this: offered as "did you mean"
EXACT = 101.0  # an exact title beats any fuzzy match
WORD_MATCH = 75  # a word said this like a title's word is that word (or a slip of it)
BY_EAR = 60  # or spelt by ear ("fone", "nite", "foto"): never another thing than that word

_STOP = {"the", "a", "an", "my", "to", "of", "for", "and", "on", "in", "with", "one", "task"}
# Words that say what kind of thing a task is, not which one: "the chemist errand" is "Go to
# the chemist", "the thing about calling the electrician" is "Call the electrician". Said, they
# count only where the title has them too.
_DESCRIBING = {"thing", "things", "errand", "errands", "reminder", "reminders", "job", "jobs",
               "chore", "chores", "item", "todo", "stuff", "bit", "entry", "about", "ones",
               "collection", "appointment"}  # fmt: skip


# A task called by the noun of its verb: "the cake pickup" is "Pick up the cake".
_VERB_NOUNS = {"pickup": "pick up", "dropoff": "drop off", "checkup": "check up",
               "cleanup": "clean up", "signup": "sign up", "setup": "set up"}  # fmt: skip


def said_in_full(subject: str) -> str:
    """The words said, shorthand read in full ("dentist appt": "dentist appointment")."""
    words = [SHORT_FORMS.get(w, w) for w in utils.default_process(subject).split()]
    if len(words) > 1 and words[-1] in _DESCRIBING and set(words[:-1]) - _STOP:
        words.pop()  # "the chemist errand": the kind word last says nothing of which task
    return " ".join(_VERB_NOUNS.get(w, w) for w in words)


# Endings that make a noun of a verb: "payment", "renewal", "delivery", "inspection".
_NOUN_ENDINGS = ("ment", "al", "ation", "ion", "y")


_MESSAGE_NOUN = re.compile(r"\b(?:e-?mail|mail|message|reply|response|answer)\b", re.I)
_WRITING_VERBS = {"reply", "respond", "answer", "write", "email", "message", "mail"}


def _message_as_verb(subject: str, tasks: list[Task]) -> str:
    """ "the landlord email" for "Reply to the landlord": a message named by what it is is the
    task that writes one, where a single verb of writing begins the titles and no title has
    the noun itself."""
    if not _MESSAGE_NOUN.search(subject):
        return subject  # the usual case: no title to read for it
    titles = [utils.default_process(t["title"]).split() for t in tasks]
    writing = {t[0] for t in titles if t} & _WRITING_VERBS
    words = {w for t in titles for w in t}
    if len(writing) != 1:
        return subject
    verb = next(iter(writing))
    return _MESSAGE_NOUN.sub(lambda m: m[0] if m[0].lower() in words else verb, subject)


# School subjects said clipped ("bio", "chem"): the full word, only where a title has it and no
# title has the clipped word itself ("Bio lab" is called "bio").
_CLIPPED = {"bio": "biology", "chem": "chemistry", "phys": "physics", "geo": "geography",
            "hist": "history", "econ": "economics", "psych": "psychology", "calc": "calculus",
            "lit": "literature", "trig": "trigonometry", "stats": "statistics",
            "maths": "mathematics", "math": "mathematics", "compsci": "computer"}  # fmt: skip


def _said_as_verbs(said: str, titles: list[str]) -> str:
    """ "the payment" for "Pay the cleaner", "the passport renewal" for "Renew the passport":
    a noun made from a title's first word (its verb) is that verb, unless a title has the
    noun itself."""
    verbs = {t.split()[0] for t in titles if t}
    words = {w for t in titles for w in t.split()}

    def verb_of(word: str) -> str:
        if word in words:
            return word
        if _CLIPPED.get(word) in words:  # "finished bio": "Biology homework"
            return _CLIPPED[word]
        for ending in _NOUN_ENDINGS:
            base = word.removesuffix(ending)
            if base != word and len(base) >= 3 and base in verbs:
                return base
        return word

    return " ".join(verb_of(w) for w in said.split())


def scores(subject: str, tasks: list[Task]) -> list[float]:
    titles = [utils.default_process(t["title"]) for t in tasks]
    said = _said_as_verbs(said_in_full(subject), titles)
    if not said or not titles:
        return [0.0] * len(tasks)
    if said in titles:
        return [EXACT if said == title else 0.0 for title in titles]
    phrase = [
        max(w, ts - 5)
        for w, ts in zip(
            _all_scores(said, titles, fuzz.WRatio),
            _all_scores(said, titles, fuzz.token_set_ratio),
            strict=True,
        )
    ]
    # Word by word only where it can still decide something: near misses, typos.
    maybe = [i for i, p in enumerate(phrase) if SUGGEST - 10 <= p < MATCH + CLEAR_WIN]
    words = _word_scores(said, [titles[i] for i in maybe])
    for i, score in zip(maybe, words, strict=True):
        phrase[i] = max(phrase[i], score - 3)
    return phrase


def _word_scores(said: str, titles: list[str], best_word: bool = False) -> list[float]:
    """For each title: how well each word said matches some word of it, on average (or, with
    ``best_word``, the best-matched word's score)."""
    said_words = [w for w in said.split() if w not in _STOP]
    title_words = [[w for w in t.split() if w not in _STOP] for t in titles]
    vocabulary = sorted({w for words in title_words for w in words})
    if not said_words or not vocabulary:
        return [0.0] * len(titles)
    stems = [stem(w) for w in vocabulary]
    # A word is compared as said and as its stem: "vaccuming" is a slip for "vacuum", which
    # plain similarity of the whole words (67) misses and of the stems (83) does not.
    table = [
        list(map(max, _all_scores(word, vocabulary, fuzz.ratio),
                      _all_scores(stem(word), stems, fuzz.ratio)))
        for word in said_words
    ]  # fmt: skip
    # Per vocabulary word, its scores for the words said: a title's best match for each word
    # said is then one C-level max over its few words' columns (this loop runs per title, for
    # hundreds of titles, on every typo).
    scored_by = dict(zip(vocabulary, zip(*table, strict=True), strict=True))
    describing = not _DESCRIBING.isdisjoint(said_words)
    result = []
    for words in title_words:
        if not words:
            result.append(0.0)
            continue
        columns = [scored_by[w] for w in words]
        best = list(columns[0] if len(columns) == 1 else map(max, *columns))
        if describing:
            named = [b for b, w in zip(best, said_words, strict=True)
                     if w not in _DESCRIBING or b >= WORD_MATCH]  # fmt: skip
            best = named or best
        result.append(max(best) if best_word else sum(best) / len(best))
    return result


_SUFFIX = re.compile(r"(?:ing|ed|es|s|er|ers|ion|ions)$")


@functools.lru_cache(maxsize=8192)  # the same titles' words are stemmed on every decision
def stem(word: str) -> str:
    """A word without its common ending ("vacuuming" -> "vacuum"); short words stay whole."""
    cut = _SUFFIX.sub("", word)
    return cut if len(cut) >= 3 else word


def _all_scores(query: str, choices: list[str], scorer: Any) -> list[float]:
    """``scorer(query, choice)`` for every choice, computed in rapidfuzz's C loop."""
    out = [0.0] * len(choices)
    for _, score, index in process.extract(query, choices, scorer=scorer, limit=None):
        out[index] = float(score)
    return out


# How often a task repeats, said to name it: "the daily journaling reminder", "the weekly
# review thing". Such a word names no thing; among tasks the other words fit equally, it picks
# the ones repeating that often.
_REPEAT_WORDS = {
    "daily": "DAILY", "nightly": "DAILY", "weekly": "WEEKLY", "monthly": "MONTHLY",
    "yearly": "YEARLY", "annual": "YEARLY", "recurring": "", "repeating": "",
}  # fmt: skip


def candidates(subject: str, tasks: list[Task]) -> list[Task]:
    """The tasks the words could mean: one when clear, several when it is ambiguous."""
    words = subject.split()
    in_titles = {w for t in tasks for w in utils.default_process(t["title"]).split()}
    often = [w.lower() for w in words if w.lower() in _REPEAT_WORDS and w.lower() not in in_titles]
    rest = " ".join(w for w in words if w.lower() not in often)
    if not often or not set(utils.default_process(rest).split()) - _STOP - _DESCRIBING:
        return _candidates(subject, tasks)
    found = _candidates(rest, tasks)
    freq = _REPEAT_WORDS[often[0]]
    repeating = [t for t in found if t.get("recurrence") and f"FREQ={freq}" in t["recurrence"]]
    return repeating if len(found) > 1 and repeating else found


def _candidates(subject: str, tasks: list[Task]) -> list[Task]:
    subject = _message_as_verb(subject, tasks)
    scored = sorted(zip(scores(subject, tasks), tasks, strict=True), key=lambda p: -p[0])
    scored = [(s, t) for s, t in scored if s >= MATCH]
    if not scored:
        return []
    best = scored[0][0]
    if best < EXACT and not (scored := _not_outnamed(subject, scored, tasks)):
        return []
    best = scored[0][0]
    if best >= EXACT:  # the title said exactly: every task of that title (two: ask which)
        return [t for s, t in scored if s >= EXACT]
    scored = [(s, t) for s, t in scored if not names_another_thing(subject, t["title"])]
    if not scored:
        return []
    # A whole-phrase score can be high by accident ("call the electrician" / "walk the dog":
    # WRatio 85): at least one word said must be one of the task's words, or a slip of one.
    titles = [utils.default_process(t["title"]) for _, t in scored]
    said = _said_as_verbs(said_in_full(subject), titles)
    words = _word_scores(said, titles, best_word=True)
    scored = [(s, t) for (s, t), w in zip(scored, words, strict=True) if w >= WORD_MATCH]
    if not scored:
        return []
    best = scored[0][0]
    close = [t for s, t in scored if best - s < CLEAR_WIN]
    return _every_word_said(subject, close) if len(close) > 1 else close


# Words that never name the thing a task is about: besides the small words, when it is due or
# how urgent ("the haircut tomorrow"), what is said of it ("set to repeat", "works again",
# "bring the call forward"), and words for who or what kind ("the insurance people", "the
# pharmacy run"). Numbers and times neither.
_NAMES_NO_THING = (
    NAMES_NO_TASK | _STOP | _DESCRIBING | set(WEEKDAYS) | set(WEEKDAY_ABBR)
    | {m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:])}
    | {"tmrw", "tmr", "tmw", "weekend", "month", "noon", "pm", "instead", "soon", "asap",
       "high", "low", "medium", "med", "urgent", "important", "prio", "priority", "top",
       "btw", "fyi", "anyway", "lets", "let", "set", "repeat", "forward", "ahead", "run",
       "works", "working", "starts", "starting", "runs", "running", "goes", "going", "go",
       "i'd", "i'll", "as", "than", "like", "people", "folks", "guys",
       "before", "during", "until", "since", "around", "through", "without", "online", "offline"}
)  # fmt: skip
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9']")
_NO_THING = re.compile(r"\d[\d:.]*(?:st|nd|rd|th|am|pm|h)?|(\w)\1\1")  # "25th", "5pm", "goooo"


def _not_outnamed(
    subject: str, scored: list[tuple[float, Task]], tasks: list[Task]
) -> list[tuple[float, Task]]:
    """Drop a match when another task has every naming word said that it has, and more: "pay
    the electric to tomorrow" is "Pay the electricity bill", never "Pay the phone bill", however
    the whole phrases score (the phone bill scored higher, and was changed)."""
    said = list(dict.fromkeys(w for run in _naming_runs(subject) for w in run))
    if len(said) < 2:
        return scored

    def held(task: Task) -> frozenset[str]:
        words = [SHORT_FORMS.get(w, w) for w in utils.default_process(task["title"]).split()]
        return frozenset(w for w in said if _like(w, words))

    every = {h for t in tasks if (h := held(t))}
    return [(s, t) for s, t in scored if not any(h > held(t) for h in every)]


def names_another_thing(said: str, title: str) -> bool:
    """The words name something the title is not, though they share a word with it.

    A run of naming words (between small words and punctuation) that has a word of the title
    is a name for a thing; its last word says what thing (its head: "the piano *tuning*"),
    the words before it which one ("the *water* bill"). The words name another thing when no
    such run is all words of the title, and either a run's head is no word of the title ("the
    piano tuning": "Book the piano lesson"; "the bike lights": "Fix the bike") or both sides
    have a word the other lacks ("the water bill": "Pay the phone bill"). A word like a title
    word (a slip, a short form, another form of it: "booking", "mower") is that word.
    """
    words = [SHORT_FORMS.get(w, w) for w in utils.default_process(title).split()]
    words = [w for w in words if w not in _STOP]
    runs = _naming_runs(said)
    acted = bool(runs) and len(runs[0]) == 1 and runs[0][0] in TASK_VERBS  # the act said first
    thing_runs = runs[1:] if acted else runs
    if thing_runs and not any(_like(w, words) for run in thing_runs for w in run):
        return True  # only the act is shared: "pay the nanny" is no "Pay the electricity bill"
    named = [run for run in runs if any(_like(w, words) for w in run)]
    if not named or any(all(_like(w, words) for w in run) for run in named):
        return False
    if any(not _like(run[-1], words) for run in named):
        return True
    things = words[1:] if words and words[0] in TASK_VERBS else words
    said_words = [w for run in named for w in run]
    return any(not _like(w, words) for w in said_words) and any(
        not _like(w, said_words) for w in things
    )


def _naming_runs(said: str) -> list[list[str]]:
    """The runs of words that may name a thing ("done with the water bill, finally": [water,
    bill]), each word in full ("appt": "appointment")."""
    runs: list[list[str]] = [[]]
    for token in _TOKEN.findall(said.lower()):
        word = SHORT_FORMS.get(token.removesuffix("'s"), token.removesuffix("'s"))
        if not word[0].isalnum() or _ends_a_name(word):
            runs.append([])
        elif len(word) > 1 and not _NO_THING.search(word):
            runs[-1].append(word)
    return [run for run in runs if run]


def _ends_a_name(word: str) -> bool:
    """A word no name runs on through: a small word, a date, a past verb ("the report
    submitted"), a denial ("grandpa didn't pick up")."""
    return word in _NAMES_NO_THING or is_past(word) or word.endswith("n't")


def _like(word: str, words: list[str]) -> bool:
    """The word is one of the words, a slip or another form of one ("grocerys", "fone",
    "booking"), or cut short ("chem" for "chemistry", "stats" for "statistics", "Jo" for
    "Joan")."""
    return any(
        fuzz.ratio(word, w) >= BY_EAR
        or fuzz.ratio(stem(word), stem(w)) >= WORD_MATCH
        or w.startswith(word)
        or (len(stem(word)) >= 4 and w.startswith(stem(word)))
        for w in words
    )


def _every_word_said(subject: str, close: list[Task]) -> list[Task]:
    """Among close matches, the one that has the words said beats the rest by a clear margin
    ("calling the insurance company": "Call the insurance company", not "Call the school");
    otherwise all stay, and the user is asked."""
    said = utils.default_process(subject)
    if len(exact := [t for t in close if _has_every_word(said, t["title"])]) == 1:
        return exact  # "the email to Chang": Chang is said, Chen is only like it
    if exact and (fewest := _within_all(exact)) and _has_every_word(fewest["title"], said):
        return [fewest]  # "Professor Klein": "Email Professor Klein", not "… Klein's TA"
    words = _word_scores(said, [utils.default_process(t["title"]) for t in close])
    ranked = sorted(zip(words, close, strict=True), key=lambda p: -p[0])
    if ranked[0][0] >= MATCH and ranked[0][0] - ranked[1][0] >= 2 * CLEAR_WIN:
        return [ranked[0][1]]
    return close


def _within_all(tasks: list[Task]) -> Task | None:
    """The title whose words are all in every other title: said in full, the others are it
    plus words the user did not say ("Call Mum" among "Call Mum" and "Call Mum's doctor")."""
    words = [set(utils.default_process(t["title"]).split()) for t in tasks]
    for task, own in zip(tasks, words, strict=True):
        if all(own < other for other in words if other is not own):
            return task
    return None


def _has_every_word(said: str, title: str) -> bool:
    """Every word said (but the small ones) is a word of the title, as said or by its stem."""
    have = {stem(w) for w in utils.default_process(title).split()}
    words = [w for w in said_in_full(said).split() if w not in _STOP]
    words = [w for w in words if w not in _DESCRIBING or stem(w) in have] or words
    return bool(words) and all(stem(w) in have for w in words)


def shares_a_word(said: str, title: str) -> bool:
    """Some word said (but the small ones: "the" is in every title) is a word of the title,
    as said or by its stem ("the vacuuming" and "Vacuum the living room")."""
    have = {stem(w) for w in utils.default_process(title).split()}
    return any(stem(w) in have for w in said_in_full(said).split() if w not in _STOP)


def closest(subject: str, tasks: list[Task]) -> Task | None:
    if not tasks:
        return None
    best_score, best = max(zip(scores(subject, tasks), tasks, strict=True), key=lambda p: p[0])
    twins = [t for t in tasks if t["title"].lower() == best["title"].lower()]
    # A guess must name one task: of two with one title, a yes could not tell which.
    return best if best_score >= SUGGEST and len(twins) == 1 else None


def prefer(found: list[Task], completed: bool) -> list[Task]:
    """Among equally good matches, the ones in the state the action needs."""
    wanted = [t for t in found if t["completed"] is completed]
    return wanted or found


# Verbs that say only that something was finished, not what was done to it ("got the tickets"
# is "Buy tickets"; "sorted the plumber" may be "Pay the plumber"): never another act.
VAGUE_VERBS = {"do", "done", "finish", "complete", "get", "make", "take", "sort", "handle",
               "check", "go", "have", "deal"}  # fmt: skip
# Acts done in many ways: "Contact the landlord" may be done by an email, a call, a visit.
_BROAD = {"contact", "arrange", "organise", "organize", "follow", "reply", "respond"}
# One act said in other words ("rang mum" is "Call mum"): verbs in one group name one act.
_SAME_ACT = [{"call", "ring", "phone"}, {"email", "mail"}, {"text", "message"},
             {"hoover", "vacuum"}, {"fix", "repair"}, {"book", "reserve", "schedule"},
             {"buy", "purchase", "order"}, {"pick", "collect", "fetch"},
             {"return", "give", "bring", "drop"}, {"cook", "bake", "prepare"}, {"write", "draft"},
             {"read", "review"}, {"visit", "see", "meet", "attend"}, {"study", "learn", "revise"},
             {"practice", "practise"}, {"pay", "settle"}]  # fmt: skip
# A broad act and ways of doing it ("emailed the invoice" is "Send the invoice"); the ways are
# not one another ("emailed Sara" is no news of "Text Sara").
_WAYS_OF = {"send": {"post", "mail", "email", "text", "message", "submit", "upload", "drop"},
            "clean": {"wash", "tidy", "hoover", "vacuum", "mop", "wipe", "dust", "polish"},
            "buy": {"pick", "grab", "collect", "fetch"},
            "submit": {"file", "upload", "email"}}  # fmt: skip


def names_another_act(told: str, title: str) -> bool:
    """The act told is not the title's own, though said of its thing: "I paid the accountant"
    is no news of "Send receipts to the accountant", "I called the plumber" none of "Pay the
    plumber". Completing on the thing alone would close a task still to do, so the caller asks.
    Only where both verbs are known acts: a vague verb ("got the tickets") or a title that
    starts with no verb ("Dentist appointment") never blocks."""
    said = told.lower().split()[:1]
    words = utils.default_process(title).split()[:1]
    if not said or not words or said[0] not in TASK_VERBS or words[0] not in TASK_VERBS:
        return False
    verb, own = said[0], words[0]
    if verb == own or not {verb, own}.isdisjoint(VAGUE_VERBS | _BROAD):
        return False
    if verb in _WAYS_OF.get(own, ()) or own in _WAYS_OF.get(verb, ()):
        return False
    return not any(verb in group and own in group for group in _SAME_ACT)
