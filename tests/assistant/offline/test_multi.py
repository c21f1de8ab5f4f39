"""Several requests in one message, and fragments that continue the previous turn.

Each message is a conversation through the real app (HTTP, ChatKit, MCP tools, database); the
safety invariant is checked after every turn (only tasks referred to change, each change is
named) and the final task list is compared field by field, with no task left over."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _day(spec: str) -> str:
    """ "+1" (days from today) or a weekday name (the next one strictly after today)."""
    today = TESTS_DAY
    if spec.startswith("+"):
        return str(today + timedelta(days=int(spec[1:])))
    ahead = (_DAYS.index(spec) - today.weekday() - 1) % 7 + 1
    return str(today + timedelta(days=ahead))


def _open(*titles: str) -> list[dict[str, Any]]:
    return [{"title": t} for t in titles]


def _done(*titles: str) -> list[dict[str, Any]]:
    return [{"title": t, "completed": True} for t in titles]


async def _check(app: FastAPI, start: list[dict[str, Any]], turns: list[str],
                 want: dict[str, dict[str, Any]]) -> None:  # fmt: skip
    t = await converse(app, start, turns, {*want, *(s["title"] for s in start)})
    assert t.problems == []
    after = by_title(t.after)
    assert sorted(after) == sorted(w.lower() for w in want), t.replies
    for title, fields in want.items():
        task = after[title.lower()]
        for key, value in fields.items():
            if key == "due":
                assert task["due_date"] == _day(value), (title, t.replies)
            elif key == "note":
                assert value in (task["description"] or ""), (title, t.replies)
            elif key == "time":
                assert (task.get("due_time") or "")[:5] == value, (title, t.replies)
            else:
                assert task[key] == value, (title, key, t.replies)


# Several requests in one message: cut only where the next part starts a request of its own.
SEVERAL = [
    ([], "add pick up stamps & remind me to email the landlord friday",
     {"Pick up stamps": {"due_date": None}, "Email the landlord": {"due": "friday"}}),
    (_open("Do the laundry"), "done with the laundry, then add iron shirts for tomorrow",
     {"Do the laundry": {"completed": True}, "Iron shirts": {"due": "+1"}}),
    (_open("Vacuum", "Dishes"), "finished: vacuum. add: water plants fri",
     {"Vacuum": {"completed": True}, "Dishes": {"completed": False},
      "Water plants": {"due": "friday"}}),
    (_open("Pay the electricity bill"),
     "I paid the electricity bill. Please add a new task: renew passport, for monday.",
     {"Pay the electricity bill": {"completed": True}, "Renew passport": {"due": "monday"}}),
    (_open("Call the plumber", "Clean the gutter"),
     "so I called the plumber and I need to add buy a new faucet for sunday and also the "
     "gutter thing is urgent now",
     {"Call the plumber": {"completed": True}, "Clean the gutter": {"priority": "high"},
      "Buy a new faucet": {"due": "sunday"}}),
    (_done("Do the laundry", "Do the dishes"),
     "reopen the laundry and add fabric softener to its notes, we have none left",
     {"Do the laundry": {"completed": False, "note": "fabric softener"},
      "Do the dishes": {"completed": True}}),
    (_done("Water the plants"), "reopen water the plants and make it due friday",
     {"Water the plants": {"completed": False, "due": "friday"}}),
    (_done("Pay rent"), "uncheck pay rent, and set it for tomorrow",
     {"Pay rent": {"completed": False, "due": "+1"}}),
    (_open("Go to the gym"), "mark the gym done plus add buy protein powder",
     {"Go to the gym": {"completed": True}, "Buy protein powder": {}}),
    # joints inside a title are no cut: what follows starts no request
    (_open("Go to the gym"), "add plan the trip with Tom and his sister, then mark the gym done",
     {"Plan the trip with Tom and his sister": {}, "Go to the gym": {"completed": True}}),
    ([], "remind me to compare prices and then decide on a phone tomorrow",
     {"Compare prices and then decide on a phone": {"due": "+1"}}),
    (_open("Email Sara"), "tick off email Sara, oh and add book flights for saturday",
     {"Email Sara": {"completed": True}, "Book flights": {"due": "saturday"}}),
    (_open("Dentist appointment"),
     "add call grandma tomorrow then mark the dentist appointment done",
     {"Call grandma": {"due": "+1"}, "Dentist appointment": {"completed": True}}),
    (_open("Finish the essay", "Finish the slides"),
     "complete the essay. also push the slides to thursday",
     {"Finish the essay": {"completed": True}, "Finish the slides": {"due": "thursday",
                                                                     "completed": False}}),
    (_done("Fix the bike"),
     "please reopen fix the bike and add new chain to its notes, the old one snapped",
     {"Fix the bike": {"completed": False, "note": "new chain"}}),
    (_open("Finish the report"), "I have finish the report. Also please add prepare slides "
     "for friday", {"Finish the report": {"completed": True}, "Prepare slides": {"due": "friday"}}),
    (_open("Book the hotel"), "hotel is booked & add pack the suitcase for thursday",
     {"Book the hotel": {"completed": True}, "Pack the suitcase": {"due": "thursday"}}),
    (_open("Email the landlord about the heating"),
     "I finish the email to the landlord. Please add a new one: buy a heater, for tomorrow.",
     {"Email the landlord about the heating": {"completed": True}, "Buy a heater": {"due": "+1"}}),
    (_open("Clear out the attic"), "take the date off the attic task, I'll do it whenever",
     {"Clear out the attic": {"due_date": None}}),
    (_open("Pay the rent", "Dentist checkup"),
     "paid the rent. oh and also push the dentist to friday",
     {"Pay the rent": {"completed": True}, "Dentist checkup": {"due": "friday"}}),
    (_open("Groceries"), "groceries done + add cook dinner tonight",
     {"Groceries": {"completed": True}, "Cook dinner": {"due": "+0", "time": "20:00"}}),
    # a past verb about something else is no request of its own: the message is one reopen
    (_done("Send the parcel"), "the post office was closed, so I still have to send the parcel",
     {"Send the parcel": {"completed": False}}),
    (_done("Renew the car tax"), "reopen renew the car tax and make it high priority",
     {"Renew the car tax": {"completed": False, "priority": "high"}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), SEVERAL)
async def test_several_requests_in_one_message(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, start, [message], want)


# A fragment continues the previous turn's request, or changes the task it was about.
FRAGMENTS = [
    (_open("Wash the car", "Wash the dog", "Wash the windows"), ["car washed", "dog too"],
     {"Wash the car": {"completed": True}, "Wash the dog": {"completed": True},
      "Wash the windows": {"completed": False}}),
    (_open("Call the bank", "Call the school", "Call mom"),
     ["mark call the bank done", "the school too"],
     {"Call the bank": {"completed": True}, "Call the school": {"completed": True},
      "Call mom": {"completed": False}}),
    ([], ["add pick up the dry cleaning", "actually friday"],
     {"Pick up the dry cleaning": {"due": "friday"}}),
    ([], ["add water the plants", "actually tomorrow evening"],
     {"Water the plants": {"due": "+1", "time": "18:00"}}),
    ([], ["remind me to renew the passport", "by monday, it's urgent"],
     {"Renew the passport": {"due": "monday", "priority": "high"}}),
    ([], ["add book the vet", "friday, high"],
     {"Book the vet": {"due": "friday", "priority": "high"}}),
    ([], ["add call the electrician tomorrow", "make that friday"],
     {"Call the electrician": {"due": "friday"}}),
    ([], ["add email the landlord", "tomorrow at 10am"],
     {"Email the landlord": {"due": "+1", "time": "10:00"}}),
    (_open("Do the reading", "Do the homework", "Do the laundry"),
     ["complete the reading", "same for the homework"],
     {"Do the reading": {"completed": True}, "Do the homework": {"completed": True},
      "Do the laundry": {"completed": False}}),
    (_done("File the taxes", "Pay the insurance", "Pay rent"),
     ["reopen the taxes", "and the insurance too"],
     {"File the taxes": {"completed": False}, "Pay the insurance": {"completed": False},
      "Pay rent": {"completed": True}}),
    (_open("Write the report", "Make the slides", "Book the room"),
     ["push the report to friday", "same for the slides"],
     {"Write the report": {"due": "friday"}, "Make the slides": {"due": "friday"},
      "Book the room": {"due_date": None}}),
    ([], ["I need to order new glasses", "on monday pls"],
     {"Order new glasses": {"due": "monday"}}),
    ([], ["add send the contract to Paul", "high priority and by thursday"],
     {"Send the contract to Paul": {"due": "thursday", "priority": "high"}}),
    (_open("Call the dentist", "Call the vet", "Call the plumber"),
     ["make the dentist task high priority", "and the vet one too"],
     {"Call the dentist": {"priority": "high"}, "Call the vet": {"priority": "high"},
      "Call the plumber": {"priority": "medium"}}),
    ([], ["add clean the fridge friday", "actually sunday"],
     {"Clean the fridge": {"due": "sunday"}}),
    ([], ["pls add get a haircut", "tmrw afternoon"],
     {"Get a haircut": {"due": "+1", "time": "15:00"}}),
    (_open("Finish the essay", "Finish the poster"), ["essay done!", "poster as well"],
     {"Finish the essay": {"completed": True}, "Finish the poster": {"completed": True}}),
    ([], ["I have to buy a gift for Tom", "saturday, it is important"],
     {"Buy a gift for Tom": {"due": "saturday", "priority": "high"}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "turns", "want"), FRAGMENTS)
async def test_a_fragment_continues_the_previous_turn(
    app: FastAPI, start: list[dict[str, Any]], turns: list[str], want: dict[str, dict[str, Any]]
):
    await _check(app, start, turns, want)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "turns", [["what's due today?", "the slides too"], ["hi", "actually friday"]]
)
async def test_a_fragment_with_no_task_before_changes_nothing(app: FastAPI, turns: list[str]):
    start = _open("Finish the slides", "Pay rent")
    await _check(app, start, turns, {"Finish the slides": {"completed": False, "due_date": None},
                                     "Pay rent": {"completed": False}})  # fmt: skip


def _tagged(tag: str, *titles: str, done: bool = False) -> list[dict[str, Any]]:
    return [{"title": t, "tags": [tag], "completed": done} for t in titles]


# "the school tasks": a scope word and a plural name every task with that tag (or that word);
# a remark after the sentence that tells what was done is no part of the task's name.
OTHERS = [
    ([*_tagged("work", "Send the report", "Book the meeting room"), *_tagged("home", "Fix tap")],
     ["tick off the work tasks"],
     {"Send the report": {"completed": True}, "Book the meeting room": {"completed": True},
      "Fix tap": {"completed": False}}),
    ([*_tagged("garden", "Mow the lawn", "Weed the beds"), *_tagged("home", "Mop the floor")],
     ["I spent all day outside, mark my garden tasks as done"],
     {"Mow the lawn": {"completed": True}, "Weed the beds": {"completed": True},
      "Mop the floor": {"completed": False}}),
    ([*_tagged("errands", "Post the parcel", "Pick up the prescription"),
      *_tagged("work", "Call the client")],
     ["complete the errands tasks pls"],
     {"Post the parcel": {"completed": True}, "Pick up the prescription": {"completed": True},
      "Call the client": {"completed": False}}),
    ([*_tagged("travel", "Pack the bags", "Book the taxi", done=True),
      *_tagged("home", "Water plants", done=True)],
     ["trip got moved, reopen the travel tasks"],
     {"Pack the bags": {"completed": False}, "Book the taxi": {"completed": False},
      "Water plants": {"completed": True}}),
    ([*_tagged("uni", "Read chapter 4", "Submit lab report"), *_tagged("home", "Do laundry")],
     ["finished everything for uni today so mark the uni tasks done"],
     {"Read chapter 4": {"completed": True}, "Submit lab report": {"completed": True},
      "Do laundry": {"completed": False}}),
    (_open("Paint the fence", "Buy more paint"), ["finally painted the fence! my arms hurt lol"],
     {"Paint the fence": {"completed": True}, "Buy more paint": {"completed": False}}),
    (_open("Write the essay", "Print the essay"), ["I wrote the essay. It took all night haha"],
     {"Write the essay": {"completed": True}, "Print the essay": {"completed": False}}),
    (_open("Return the library books", "Buy a bookshelf"),
     ["returned the library books!! so heavy omg"],
     {"Return the library books": {"completed": True}, "Buy a bookshelf": {"completed": False}}),
    (_open("Clean the garage", "Clean the car"),
     ["the garage is finally clean. what a mess it was"],
     {"Clean the garage": {"completed": True}, "Clean the car": {"completed": False}}),
    (_open("Finish the 12-week online course", "Buy a course book"),
     ["finally finished the course!! so proud"],
     {"Finish the 12-week online course": {"completed": True},
      "Buy a course book": {"completed": False}}),
    # a long second sentence is no remark: it asks for something
    (_done("Write thank-you notes", "Return the chairs"),
     ["So sorry, I think I rushed earlier. I've only written a few of the thank-you notes, "
      "could you put that task back as not done?"],
     {"Write thank-you notes": {"completed": False}, "Return the chairs": {"completed": True}}),
    (_open("Finish the jigsaw", "Buy a jigsaw mat"),
     ["I finally finished the jigsaw!! only took a month lol"],
     {"Finish the jigsaw": {"completed": True}, "Buy a jigsaw mat": {"completed": False}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "turns", "want"), OTHERS)
async def test_tag_scopes_and_remarks(
    app: FastAPI, start: list[dict[str, Any]], turns: list[str], want: dict[str, dict[str, Any]]
):
    await _check(app, start, turns, want)


@pytest.mark.asyncio
async def test_one_request_never_borrows_the_words_of_another(app: FastAPI):
    """The completion names no task: the words of the other request ("car insurance") never
    stand in for its own, so the insurance is made urgent and nothing is completed."""
    start = _open("Renew car insurance", "Call the dentist")
    message = "the car insurance thing is urgent now and mark the zorblax done"
    await _check(app, start, [message], {"Renew car insurance": {"priority": "high",
                                                                 "completed": False},
                                         "Call the dentist": {"completed": False}})  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "told",
    ["ok, I sorted it by phone, just delete it", "dealt with it already, so delete it pls"],
)
async def test_a_completion_told_before_deleting_it_is_the_reason(app: FastAPI, told: str):
    """Found when merging: the told completion and the delete were two requests on the same
    task, so the task was completed and the delete never asked. It is one delete, confirmed."""
    start = _open("Cancel the gym membership", "Buy running shoes")
    turns = ["is the gym cancellation still on my list?", told, "yes"]
    await _check(app, start, turns, {"Buy running shoes": {"completed": False}})


# A completion told first, then an add joined by "so": both are done ("… that's done and they
# want a deposit so add pay the deposit by friday").
DONE_SO_ADD = [
    (_open("Call the florist"), "yeah so I called the florist just now that's done and they "
     "want a deposit so add pay the florist deposit by friday",
     {"Call the florist": {"completed": True}, "Pay the florist deposit": {"due": "friday"}}),
    (_open("Email the landlord"), "I emailed the landlord, he wants the form back so add "
     "send the form to the landlord tomorrow",
     {"Email the landlord": {"completed": True}, "Send the form to the landlord": {"due": "+1"}}),
    (_open("Book the vet"), "booked the vet and they need the records so please add "
     "find the vaccination records",
     {"Book the vet": {"completed": True}, "Find the vaccination records": {}}),
    (_open("Call the plumber"), "the plumber has been called, he comes on monday so add "
     "clear the space under the sink sunday",
     {"Call the plumber": {"completed": True},
      "Clear the space under the sink": {"due": "sunday"}}),
    (_open("Order the sofa"), "ordered the sofa, it arrives next week so can you add "
     "measure the doorway",
     {"Order the sofa": {"completed": True}, "Measure the doorway": {}}),
    (_open("Pay the electrician"), "ok paid the electrician and he left a receipt so add "
     "file the receipt on friday",
     {"Pay the electrician": {"completed": True}, "File the receipt": {"due": "friday"}}),
    (_open("Call the school"), "I called the school that's done and they want a letter so "
     "remind me to write the letter to the school tomorrow",
     {"Call the school": {"completed": True}, "Write the letter to the school": {"due": "+1"}}),
    (_open("Renew the insurance"), "renewed the insurance and it's cheaper now so add "
     "cancel the old direct debit",
     {"Renew the insurance": {"completed": True}, "Cancel the old direct debit": {}}),
    (_open("Return the library books"), "returned the library books, there's a fine so "
     "add pay the library fine by saturday",
     {"Return the library books": {"completed": True},
      "Pay the library fine": {"due": "saturday"}}),
    (_open("Ring the garage"), "I rang the garage, the part is in so add pick up the car "
     "on thursday",
     {"Ring the garage": {"completed": True}, "Pick up the car": {"due": "thursday"}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), DONE_SO_ADD)
async def test_a_completion_then_so_add(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, start, [message], want)


# One thing done, another not: "that one" is the task not done, named by its words.
DONE_BUT_NOT_THAT_ONE = [
    (_open("Pick up the new glasses", "Call the garage about the clutch"),
     "right so I picked up the new glasses on the way home but I didn't manage to call the "
     "garage so can you move that one to tomorrow",
     {"Pick up the new glasses": {"completed": True},
      "Call the garage about the clutch": {"completed": False, "due": "+1"}}),
    (_open("Pay the rent", "Wash the car"),
     "I paid the rent but I never got round to washing the car so move it to saturday",
     {"Pay the rent": {"completed": True},
      "Wash the car": {"completed": False, "due": "saturday"}}),
    (_open("Buy the birthday card", "Email the accountant"),
     "bought the birthday card but didn't have time to email the accountant, push that one "
     "to friday",
     {"Buy the birthday card": {"completed": True},
      "Email the accountant": {"completed": False, "due": "friday"}}),
    (_open("Water the plants", "Fix the shelf"),
     "watered the plants and I didn't get to fix the shelf so could you move it to sunday",
     {"Water the plants": {"completed": True},
      "Fix the shelf": {"completed": False, "due": "sunday"}}),
    (_open("Post the parcel", "Call grandma"),
     "posted the parcel but I couldn't call grandma so please move that to tomorrow",
     {"Post the parcel": {"completed": True}, "Call grandma": {"completed": False, "due": "+1"}}),
    (_open("Clean the kitchen", "Mop the hallway"),
     "cleaned the kitchen, but we didn't finish mop the hallway so push it to thursday",
     {"Clean the kitchen": {"completed": True},
      "Mop the hallway": {"completed": False, "due": "thursday"}}),
    (_open("Book the flights", "Renew the passport"),
     "I booked the flights but I did not manage to renew the passport, so can you move that "
     "one to monday",
     {"Book the flights": {"completed": True},
      "Renew the passport": {"completed": False, "due": "monday"}}),
    (_open("Collect the dry cleaning", "Buy dog food"),
     "collected the dry cleaning but didn't get a chance to buy dog food so reschedule it for "
     "tomorrow",
     {"Collect the dry cleaning": {"completed": True},
      "Buy dog food": {"completed": False, "due": "+1"}}),
    (_open("Send the invoice", "Call the bank"),
     "sent the invoice but I didn't manage to call the bank so move that one to friday pls",
     {"Send the invoice": {"completed": True},
      "Call the bank": {"completed": False, "due": "friday"}}),
    (_open("Iron the shirts", "Hoover the stairs"),
     "ironed the shirts but I never got around to hoover the stairs so put it on saturday",
     {"Iron the shirts": {"completed": True},
      "Hoover the stairs": {"completed": False, "due": "saturday"}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), DONE_BUT_NOT_THAT_ONE)
async def test_done_but_not_that_one_moves_the_task_not_done(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, start, [message], want)


# Each task of an add list keeps the day said with it, and "for me:" opens the list.
ADD_LISTS = [
    ([], "add call Ana tmrw, pay the nanny friday, and book a massage",
     {"Call Ana": {"due": "+1"}, "Pay the nanny": {"due": "friday"},
      "Book a massage": {"due_date": None}}),
    ([], "add email Bob monday, pay the gas bill saturday and buy stamps",
     {"Email Bob": {"due": "monday"}, "Pay the gas bill": {"due": "saturday"},
      "Buy stamps": {"due_date": None}}),
    ([], "add text Mia tomorrow, book the dentist thursday, and renew the permit",
     {"Text Mia": {"due": "+1"}, "Book the dentist": {"due": "thursday"},
      "Renew the permit": {"due_date": None}}),
    ([], "add call the bank sunday, water the lawn tomorrow, and clean the grill",
     {"Call the bank": {"due": "sunday"}, "Water the lawn": {"due": "+1"},
      "Clean the grill": {"due_date": None}}),
    ([], "add two things for me: collect the suit from the dry cleaner on Thursday, and "
     "ring the bakery tomorrow",
     {"Collect the suit from the dry cleaner": {"due": "thursday"},
      "Ring the bakery": {"due": "+1"}}),
    ([], "could you please add the following for me: buy a new kettle, and call the council",
     {"Buy a new kettle": {}, "Call the council": {}}),
    ([], "please add three things for me: book the hotel, pack the tent, and wash the van",
     {"Book the hotel": {}, "Pack the tent": {}, "Wash the van": {}}),
    ([], "add for me: email the tutor friday, and print the essay",
     {"Email the tutor": {"due": "friday"}, "Print the essay": {}}),
    ([], "Good morning! Could you add two tasks for me: renew the car tax on Monday, and "
     "book an MOT on Saturday? Thanks so much.",
     {"Renew the car tax": {"due": "monday"}, "Book an MOT": {"due": "saturday"}}),
    ([], "add a couple of things for us: buy paint, and fix the fence",
     {"Buy paint": {}, "Fix the fence": {}}),
    ([], "add pay the window cleaner friday, call the vet tomorrow, and order cat litter",
     {"Pay the window cleaner": {"due": "friday"}, "Call the vet": {"due": "+1"},
      "Order cat litter": {"due_date": None}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), ADD_LISTS)
async def test_add_lists_keep_each_day_and_open_with_for_me(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, start, [message], want)


# A change, then a question: the change is made, then the question is answered after it.
CHANGE_THEN_ASK = [
    "mark the cake order done and tell me what else is due today",
    "tick off the cake order, what's left for today?",
    "cake order is done, what else is due today",
    "mark order the cake as done and then show me what's due today",
    "complete the cake order and list what's left today",
    "cross off the cake order. what else do I have today?",
    "mark the cake order done please, and tell me what's still due today",
    "done with the cake order, and what else is due today?",
    "check off order the cake and show me my tasks for today",
    "finish the cake order then tell me what's left for today",
]


@pytest.mark.asyncio
@pytest.mark.parametrize("message", CHANGE_THEN_ASK)
async def test_a_change_then_a_question_does_both(app: FastAPI, message: str):
    today = str(TESTS_DAY)
    start = [
        {"title": "Order the cake", "due_date": today},
        {"title": "Buy balloons", "due_date": today},
        {"title": "Send the invites"},
    ]
    t = await converse(app, start, [message], {s["title"] for s in start})
    assert t.problems == []
    after = by_title(t.after)
    assert after["order the cake"]["completed"] is True, t.replies
    assert after["buy balloons"]["completed"] is False, t.replies
    assert after["send the invites"]["completed"] is False, t.replies
    assert "Buy balloons" in t.replies[-1], t.replies


# A name with a priority, then a change said with an arrow: each task gets its own change.
TERSE_CHANGES = [
    "gutters hi prio, and paint -> sat",
    "gutters high priority, paint -> saturday",
    "gutters urgent, and move the paint to saturday",
    "gutters hi prio, then paint → sat",
    "gutters high prio; paint => sat",
    "change gutters to hi prio, and paint -> sat",
    "paint -> sat, gutters -> high",
    "gutters -> high priority, paint -> saturday",
    "gutters hi prio, paint -> sat pls",
    "the gutters hi prio, and bedroom paint -> sat",
]


@pytest.mark.asyncio
@pytest.mark.parametrize("message", TERSE_CHANGES)
async def test_terse_changes_each_go_to_their_task(app: FastAPI, message: str):
    start = _open("Clear the gutters", "Buy paint for the bedroom", "Sand the bedroom floor")
    await _check(app, start, [message], {
        "Clear the gutters": {"priority": "high", "due_date": None},
        "Buy paint for the bedroom": {"priority": "medium", "due": "saturday"},
        "Sand the bedroom floor": {"priority": "medium", "due_date": None}})  # fmt: skip


@pytest.mark.parametrize(
    "message", ["never mind, put it back", "never mind put it back", "oh never mind, put it back"]
)
def test_never_mind_put_it_back_is_no_task_left_undone(message: str):
    # "never … , put it …" is the shape of "didn't X, so move it …", but means undo
    from backend.assistant.offline.intents import understand

    assert understand(message, TESTS_DAY).kind == "undo"
