"""Adding one task from a long, corrected or unusual message: the right title, every attribute
kept, and no task made of the words left over. Each case is one rule about the shape of a
message (``offline/titles.py``, ``parsing.py``, ``intents/add.py``, ``times.py``, ``dates.py``)."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.dates import find_date
from backend.assistant.offline.intents import understand
from backend.assistant.offline.parsing import corrected
from backend.assistant.offline.times import find_repeat, find_time
from backend.assistant.offline.titles import names_no_task, without_lead_in, without_reason

TODAY = date(2026, 11, 30)  # a Monday
TUE, WED, THU, FRI = (date(2026, 12, d) for d in (1, 2, 3, 4))
MON = date(2026, 12, 7)


def one_task(message: str) -> tuple[str, dict[str, object]]:
    intent = understand(message, TODAY)
    assert intent.kind == "add", intent
    assert len(intent.items) == 1, intent.items
    d = intent.item_details[0] if intent.item_details else intent.details  # quoted: one
    said = {"due": d.due, "time": d.time, "repeat": d.repeat, "priority": d.priority,
            "tags": d.tags, "description": d.description}  # fmt: skip
    return intent.items[0], {k: v for k, v in said.items() if v}


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # a fragment made only of filler words gives its attributes to the task, never a task
        ("Would you be so kind as to add a task for me to schedule the car service? There's no "
         "rush at all, so low priority would be perfect.", "schedule the car service",
         {"priority": "low"}),
        ("buy milk, so low priority would be perfect", "buy milk", {"priority": "low"}),
        # "med", and a priority said with a softener
        ("can u add sort out the garage, med priority", "sort out the garage",
         {"priority": "medium"}),
        ("I need to pick up the dry cleaning tomorrow and it's kind of important",
         "pick up the dry cleaning", {"due": TUE, "priority": "high"}),
        # "…, work tag": the word before "tag" is the tag
        ("add review pull requests for tmrw, work tag", "review pull requests",
         {"due": TUE, "tags": ["work"]}),
        # a note said as "put in the notes that …"
        ("add prepare the presentation for thursday and put in the notes that Dana wants the "
         "sales numbers", "prepare the presentation",
         {"due": THU, "description": "Dana wants the sales numbers"}),
        # "(put down) that I have to X": the person and the modal are no part of the title
        ("hi there, could you please put down that I have to send the signed contract back to "
         "the landlord by monday, it's quite important, thanks a lot",
         "send the signed contract back to the landlord", {"due": MON, "priority": "high"}),
        # non-native command words
        ("please to add task send invoice to Acme for monday, is very important",
         "send invoice to Acme", {"due": MON, "priority": "high"}),
        ("I want add one task, cancel the gym membership, for the friday",
         "cancel the gym membership", {"due": FRI}),
        # an attribute said first, in a part of its own
        ("tmrw morning - drop off parcel at post office", "drop off parcel at post office",
         {"due": TUE, "time": "09:00"}),
        ("whenever, add sort old photos", "sort old photos", {"priority": "low"}),
        # a verb that also closes or deletes tasks, said with a day to come, a time or a repeat
        ("finish the slides tonight, tag work", "finish the slides",
         {"due": TODAY, "time": "20:00", "tags": ["work"]}),
        ("check emails every weekday at 9am", "check emails",
         {"time": "09:00", "repeat": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"}),
        # "…, so just put it down for the fifteenth": "it" is the task being added
        ("okay so I need to remember to book the car service sometime before the fifteenth so "
         "just put it down for the fifteenth", "book the car service", {"due": date(2026, 12, 15)}),
        ("I need to pick up the dry cleaning tomorrow so make it high priority thanks",
         "pick up the dry cleaning", {"due": TUE, "priority": "high"}),
        # a reason is no part of the title, but the date it gives is kept
        ("add a task call the insurance company about the claim and make it high priority "
         "because it's due tomorrow", "call the insurance company about the claim",
         {"due": TUE, "priority": "high"}),
        # a comma part that talks about an attribute ("her birthday is on 15")
        ("please you add for me a task: buy present for my sister, her birthday is on 15",
         "buy present for my sister", {"due": date(2026, 12, 15)}),
        # a reminder command said after its repeat
        ("every year on march 3 remind me of Anna's birthday", "Anna's birthday",
         {"repeat": "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3"}),
        # thanks and conditions said after the task are no task
        ("add buy milk, thanks a bunch", "buy milk", {}),
        ("add buy a new charger, if you could", "buy a new charger", {}),
        ("add call the vet. That's everything for now.", "call the vet", {}),
        ("okay um so add clean the bathroom, I guess saturday works", "clean the bathroom",
         {"due": date(2026, 12, 5)}),
        ("hey, add book flights, like, asap", "book flights", {"priority": "high"}),
        # a consequence is no part of the title, like a reason
        ("add return the jacket to Zara before friday, otherwise I lose the refund",
         "return the jacket to Zara", {"due": FRI}),
        # an interjection before a comma part, and "it's for work" there, is its tag
        ("add email the accountant, oh and it's for work", "email the accountant",
         {"tags": ["work"]}),
        ("add pick up prescription, tag health, oh and it's urgent", "pick up prescription",
         {"priority": "high", "tags": ["health"]}),
        ("add call plumber tmrw at 10 oh and it's urgent", "call plumber",
         {"due": TUE, "time": "10:00", "priority": "high"}),
        # "no rush" after a word ending in "a" keeps the word whole
        ("add order pizza, no rush really", "order pizza", {"priority": "low"}),
        ("hey can you add a task to call the dentist, nothing urgent", "call the dentist",
         {"priority": "low"}),
        # "tag it work and make it high priority": said of this task
        ("add a reminder to call Alex on thursday, tag it work and make it high priority",
         "call Alex", {"due": THU, "priority": "high", "tags": ["work"]}),
        ("add task: fix bike. tag: home. priority: low", "fix bike",
         {"priority": "low", "tags": ["home"]}),
        # command words: "set a reminder to", "a high priority task to", "wanna add",
        # "something:", "to my todo list", "add task - X - …", "put down"
        ("set a reminder to call the vet at 4", "call the vet", {"time": "16:00"}),
        ("Add a high priority task to finish the budget by Wednesday", "finish the budget",
         {"due": WED, "priority": "high"}),
        ("i wanna add go to the post office tmrw", "go to the post office", {"due": TUE}),
        ("add something: renew the domain name by the 20th", "renew the domain name",
         {"due": date(2026, 12, 20)}),
        ("add to my todo list clean out the fridge", "clean out the fridge", {}),
        ("add task - finish reading the book - no deadline", "finish reading the book", {}),
        ("um can you put down call grandma sunday", "call grandma", {"due": date(2026, 12, 6)}),
        ("for friday please add: submit the report", "submit the report", {"due": FRI}),
        ("add pick up the cake on saturday, not sunday", "pick up the cake",
         {"due": date(2026, 12, 5)}),
        # a remark about the task is no task
        ("add call grandma this sunday, she'd love that", "call grandma",
         {"due": date(2026, 12, 6)}),
        ("add call the school, its about the trip", "call the school", {}),
        ("add call grandma. She would love that.", "call grandma", {}),
        ("add plan trip to Japan, no date yet", "plan trip to Japan", {}),
        ("add send thank-you notes, whenever I get time", "send thank-you notes",
         {"priority": "low"}),
        # a day named twice, and a calendar date after "the"
        ("add pay the nanny on friday the 4th", "pay the nanny", {"due": FRI}),
        ("add book flights to Rome for the 3rd of January", "book flights to Rome",
         {"due": date(2027, 1, 3)}),
        # an add said inside the request, after thinking aloud, and in each sentence
        ("so basically I was thinking that I should probably add a task to renew my gym "
         "membership before it expires on the 10th", "renew my gym membership",
         {"due": date(2026, 12, 10)}),
        ("right so the thing is I need to remember to phone the council about the parking "
         "permit sometime next week", "phone the council about the parking permit", {"due": MON}),
        ("please make a task for call the insurance, is urgent", "call the insurance",
         {"priority": "high"}),
        ("i need that you add pay the gas bill on friday", "pay the gas bill", {"due": FRI}),
        ("adding: buy wrapping paper", "buy wrapping paper", {}),
        ("task for friday: prepare the slides", "prepare the slides", {"due": FRI}),
        # a time before a comma
        ('add "call mom" tomorrow at 6, high priority', "Call mom",
         {"due": TUE, "time": "18:00", "priority": "high"}),
    ],
)  # fmt: skip
def test_one_task_keeps_every_attribute_and_no_leftover(
    message: str, title: str, attributes: dict[str, object]
):
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        ("add dentist appointment on friday... wait no, not friday, thursday",
         "dentist appointment", {"due": THU}),
        ("dentist thursday, wait no, friday", "dentist", {"due": FRI}),
        ("add call Jon about the lease - sorry, I meant John, not Jon",
         "call John about the lease", {}),
        ("call Jon about the lease, sorry John", "call John about the lease", {}),  # a slip
        ("add call the bank at 5pm, sorry make that 6pm", "call the bank", {"time": "18:00"}),
        ("add call mum tomorrow no wait saturday", "call mum", {"due": date(2026, 12, 5)}),
        ("add get haircut, no actually make it saturday", "get haircut",
         {"due": date(2026, 12, 5)}),
        ("add walk the dog at 7, actually 8", "walk the dog", {"time": "08:00"}),
        ("add meeting prep for thursday, no wait, it's wednesday", "meeting prep", {"due": WED}),
        ("add review contract, tag legal, wait no, tag work", "review contract",
         {"tags": ["work"]}),
        ("add get new tyres, sorry, winter tyres", "get winter tyres", {}),
        ("add write report for monday, wait, actually tuesday", "write report", {"due": TUE}),
        ("add pay the electrician, sorry I meant the plumber", "pay the plumber", {}),
    ],
)  # fmt: skip
def test_a_correction_replaces_what_it_corrects(
    message: str, title: str, attributes: dict[str, object]
):
    assert one_task(message) == (title, attributes)


def test_words_that_only_look_like_a_correction_change_nothing():
    said = "the expense report can wait till the end of the month"
    assert corrected(said, TODAY) == said
    assert corrected("add X, no rush", TODAY) == "add X, no rush"
    # "make it" corrects only in a request to add
    assert corrected("the garage, make it low priority", TODAY) == (
        "the garage, make it low priority"
    )


def test_each_sentence_may_say_add_again():
    intent = understand("add buy milk tomorrow. also add call Sam on friday", TODAY)
    assert (intent.kind, intent.items) == ("add", ["buy milk", "call Sam"])
    assert [d.due for d in intent.item_details] == [TUE, FRI]


def test_so_that_is_done_is_no_consequence_clause():
    said = (
        "ok so the plumber fixed the leaking tap so that's done, and add pay the plumber tomorrow"
    )
    intent = understand(said, TODAY)
    assert intent.kind == "complete"
    assert [(i.kind, i.items) for i in intent.then] == [("add", ["pay the plumber"])]


def test_a_list_of_things_after_its_count():
    intent = understand("add 3 things: milk, bread, eggs", TODAY)
    assert (intent.kind, intent.items) == ("add", ["milk", "bread", "eggs"])


@pytest.mark.parametrize(
    "message",
    ["cancel the dentist on friday", "cancel tomorrow's meeting", "check off the gym for today"],
)
def test_a_day_that_names_the_task_to_close_or_remove_adds_nothing(message: str):
    assert understand(message, TODAY).kind != "add"


def test_the_filler_vocabulary():
    assert names_no_task("there is at all")
    assert names_no_task("so would be perfect")
    assert names_no_task("wait no")
    assert not names_no_task("call the bank")
    assert not names_no_task("Sam")


def test_lead_ins_and_reasons():
    assert without_lead_in("that I have to send the contract") == "send the contract"
    assert without_lead_in("remind me of Anna's birthday") == "Anna's birthday"
    assert without_reason("call them because it's due tomorrow") == "call them due tomorrow"
    assert without_reason("call them because I said so") == "call them"


@pytest.mark.parametrize(
    ("text", "rest", "time"),
    [
        ("call dad at 9 tonight", "call dad today", "21:00"),
        ("feed the cat at quarter past seven this evening", "feed the cat today", "19:15"),
        ("pick up Leo at half past four", "pick up Leo", "16:30"),
        ("leave at quarter to nine in the morning", "leave", "08:45"),
        ("send it on friday at like 3 in the afternoon", "send it on friday", "15:00"),
        ("doctor at 11 in the morning", "doctor", "11:00"),
    ],
)
def test_spoken_times(text: str, rest: str, time: str):
    found = find_time(text)
    assert found is not None
    assert (found[0], found[1].value) == (rest, time)


def test_at_a_number_before_a_noun_is_still_no_time():
    assert find_time("meet at 9 people") is None


def test_weekly_after_a_determiner_is_an_adjective_not_a_repeat():
    assert find_repeat("send the weekly update to the team") is None
    assert find_repeat("water the plants weekly") is not None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("her birthday is on 15", date(2026, 12, 15)),
        ("move it to the 20", date(2026, 12, 20)),
        ("put it down for the fifteenth", date(2026, 12, 15)),
        ("buy a card for after tomorrow", WED),
        ("buy 2 books on 15 topics", None),  # a number followed by more words is no day
        ("the first draft", None),
    ],
)
def test_days_of_the_month_without_a_suffix_or_in_words(text: str, day: date | None):
    found = find_date(text, TODAY)
    assert (found.day if found else None) == day


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # A title that starts with the letters of a joining word ("to", "for", "about") keeps them:
        # "add towels" once became "Wels".
        ("add towels", "Towels"),
        ("add tofu", "Tofu"),
        ("add tomatoes to the list", "Tomatoes"),
        ("add tour of the museum", "Tour of the museum"),
        ("add the towels", "Towels"),
        ("add topsoil for the garden", "Topsoil for the garden"),
        ("add forward the invoice to Sam", "Forward the invoice to Sam"),
        ("add format the old hard drive", "Format the old hard drive"),
        ("add forklift training", "Forklift training"),
        ("add itemise the receipts", "Itemise the receipts"),
        ("add anniversary dinner booking", "Anniversary dinner booking"),
        ("add theatre tickets for mum", "Theatre tickets for mum"),
        ("create aboutique order", "Aboutique order"),
        ("make a task toast for the wedding", "Toast for the wedding"),
        ("add a task to water the ferns", "Water the ferns"),
        ("add a task for the tax return", "Tax return"),
        ("create a task called tidy the shed", "Tidy the shed"),
    ],
)
def test_a_title_beginning_like_a_joining_word_is_kept_whole(message: str, title: str):
    intent = understand(message, TODAY)
    assert intent.kind == "add"
    assert [t.lower() for t in intent.items] == [title.lower()]
