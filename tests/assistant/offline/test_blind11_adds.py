"""Adds from blind-11, each a class of phrasing: a part of the day misspelt or shortened
("tmrw mornin", "arvo"), a clock time before the title ("at 8:30 check …"), a slipped "the"
before a date ("on teh 15th"), a possessive time ("in a week's time"), a request to add said
last ("…, please make reminder"), a learner's "I must to …, is very important", a tag said
with the one it is not ("tag it home not work"), attributes after a quoted title, weekdays
joined by "+" or "/", a repeat's length ("every day for 7 days": COUNT) and a part of the day
that describes a noun ("evening Spanish classes": no time)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.assistant.offline.test_adds import FRI, MON, THU, TODAY, TUE, WED, one_task

WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        ("water tomatoes tmrw mornin", "water tomatoes", {"due": TUE, "time": "09:00"}),
        # invented: other slips and short forms of a part of the day
        ("call the plumber tomorrow mornin", "call the plumber", {"due": TUE, "time": "09:00"}),
        ("walk the dog this evenin", "walk the dog", {"due": TODAY, "time": "18:00"}),
        ("pick up the parcel tmrw arvo", "pick up the parcel", {"due": TUE, "time": "15:00"}),
        ("ring mum tomorrow nite", "ring mum", {"due": TUE, "time": "20:00"}),
        ("gym session friday mornign", "gym session", {"due": FRI, "time": "09:00"}),
        ("send the invoice tomorrow evning", "send the invoice", {"due": TUE, "time": "18:00"}),
        ("book the vet tomorrow afternon", "book the vet", {"due": TUE, "time": "15:00"}),
        ("take out the bins 2nite", "take out the bins", {"due": TODAY, "time": "20:00"}),
        ("add mow the lawn thursday arvo", "mow the lawn", {"due": THU, "time": "15:00"}),
        ("remind me to feed the fish tmrw moring", "feed the fish", {"due": TUE, "time": "09:00"}),
    ],
)
def test_a_misspelt_part_of_the_day_is_a_time(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


def test_a_plural_part_of_the_day_stays_as_said() -> None:
    assert one_task("add email Lena, she prefers mornings")[0] == "email Lena"


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        (
            "every weekday at 8:30 check the team inbox",
            "check the team inbox",
            {"time": "08:30", "repeat": WEEKDAYS},
        ),
        # invented: a clock time (its colon is no separator) before the title
        ("at 8:30 call the dentist", "call the dentist", {"time": "08:30"}),
        ("tomorrow at 9:15 stand-up with the team", "stand-up with the team",
         {"due": TUE, "time": "09:15"}),
        ("every monday at 10:00 water the ferns", "water the ferns",
         {"time": "10:00", "repeat": "FREQ=WEEKLY;BYDAY=MO"}),
        ("friday at 11:45 pick up the cake", "pick up the cake", {"due": FRI, "time": "11:45"}),
        ("at 7:30 walk the dog", "walk the dog", {"time": "07:30"}),
        ("every day at 9:45 feed the cat", "feed the cat",
         {"time": "09:45", "repeat": "FREQ=DAILY"}),
        ("wednesday at 10:30 call the bank", "call the bank", {"due": WED, "time": "10:30"}),
    ],
)  # fmt: skip
def test_a_clock_time_before_the_title(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        ("pay the credit card on teh 15th pls", "pay the credit card", {"due": date(2026, 12, 15)}),
        # invented: a slipped "the" (or another date word) before a date
        ("call the landlord on teh 3rd", "call the landlord", {"due": THU}),
        ("renew my licence by teh end of the month", "renew my licence", {"due": TODAY}),
        ("submit the form nxt friday", "submit the form", {"due": FRI}),
        ("book flights tomorow", "book flights", {"due": TUE}),
        ("email Sam on tuesdy", "email Sam", {"due": TUE}),
        ("add pay the nanny by hte 4th", "pay the nanny", {"due": FRI}),
        ("remind me to send the invoice on teh 20th", "send the invoice",
         {"due": date(2026, 12, 20)}),
        ("water the plants teh day after tomorrow", "water the plants", {"due": WED}),
        ("add clean the gutters teh weekend", "clean the gutters", {"due": date(2026, 12, 5)}),
    ],
)  # fmt: skip
def test_a_slip_in_the_words_of_a_date(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        (
            "Could you kindly remind me in a week's time to call the bank to close the old "
            "account? Thanks very much.",
            "call the bank to close the old account",
            {"due": MON},
        ),
        # invented: "in N units' time", said before or after the task
        ("remind me in two days' time to water the plants", "water the plants", {"due": WED}),
        ("in a month's time renew the gym pass", "renew the gym pass",
         {"due": date(2026, 12, 30)}),
        ("check the oil in 3 weeks time", "check the oil", {"due": date(2026, 12, 21)}),
        ("follow up with the agency in a few days' time", "follow up with the agency",
         {"due": THU}),
        ("add call the garage in a week's time", "call the garage", {"due": MON}),
        ("in four days' time pick up the suit", "pick up the suit", {"due": date(2026, 12, 4)}),
        ("remind me to chase the refund in a couple of weeks' time", "chase the refund",
         {"due": date(2026, 12, 14)}),
    ],
)  # fmt: skip
def test_a_possessive_time_is_a_date(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        (
            "in 3 days I have to follow up with Marco for the quote, please make reminder",
            "follow up with Marco for the quote",
            {"due": THU},
        ),
        # invented: the request to add said last, in a learner's or a hurried voice
        ("buy stamps tomorrow, can you note it", "buy stamps", {"due": TUE}),
        ("call the vet on friday, put it in the list", "call the vet", {"due": FRI}),
        ("I need to renew my passport next month, please make a reminder", "renew my passport",
         {"due": date(2026, 12, 1)}),
        ("pick up the dry cleaning tomorrow, make reminder pls", "pick up the dry cleaning",
         {"due": TUE}),
        ("order new glasses, please add it to my list", "order new glasses", {}),
        ("send the rent to the landlord friday, save it please", "send the rent to the landlord",
         {"due": FRI}),
        ("book a table for saturday, please make a task", "book a table",
         {"due": date(2026, 12, 5)}),
        ("email the accountant tomorrow, can you make reminder for me", "email the accountant",
         {"due": TUE}),
        ("I have to return the books on thursday, write it down please", "return the books",
         {"due": THU}),
        ("tomorrow I must call the insurance, please set a reminder", "call the insurance",
         {"due": TUE}),
    ],
)  # fmt: skip
def test_a_request_to_add_said_last_is_no_task(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        (
            "I must to bring the passport copy to the office tomorrow, is very important",
            "bring the passport copy to the office",
            {"due": TUE, "priority": "high"},
        ),
        # invented: an obligation said first, its urgency after a comma without "it"
        ("I must send the report to my boss friday, is urgent", "send the report to my boss",
         {"due": FRI, "priority": "high"}),
        ("I need bring the laptop to repair tomorrow, is important", "bring the laptop to repair",
         {"due": TUE, "priority": "high"}),
        ("I have to pay the electricity bill on friday, is very important",
         "pay the electricity bill", {"due": FRI, "priority": "high"}),
        ("I must to call the insurance tomorrow", "call the insurance", {"due": TUE}),
        ("we must renew the lease next week, is urgent", "renew the lease",
         {"due": MON, "priority": "high"}),
        ("I should book the flights thursday, is very important", "book the flights",
         {"due": THU, "priority": "high"}),
    ],
)  # fmt: skip
def test_a_learners_obligation_is_a_task(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "tags"),
    [
        # blind-11
        ("add order printer ink, tag it home not work", "order printer ink", ["home"]),
        # invented: the tag it is not, said after the one it is
        ("add buy a new kettle, tag it home not office", "buy a new kettle", ["home"]),
        ("add call the accountant, tag work not personal", "call the accountant", ["work"]),
        ("add book the dentist, tag it health, not work", "book the dentist", ["health"]),
        ("remind me to email Jo, tag it work not personal", "email Jo", ["work"]),
        ("add pick up the paint, tagged diy rather than home", "pick up the paint", ["diy"]),
        ("add order new cables, tag it office instead of home", "order new cables", ["office"]),
        ("add fix the shelf, label it home not work", "fix the shelf", ["home"]),
        ("new task water the garden, tag it garden not chores", "water the garden", ["garden"]),
        ("add sort the receipts, tag it finance but not work", "sort the receipts", ["finance"]),
    ],
)
def test_the_tag_it_is_not_is_no_tag(message: str, title: str, tags: list[str]) -> None:
    assert one_task(message) == (title, {"tags": tags})


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        (
            "add task 'prepare slides for conference', put tag work, priority high, for "
            "Thursday please",
            "Prepare slides for conference",
            {"due": THU, "priority": "high", "tags": ["work"]},
        ),
        # invented: each comma part after a quoted title is an attribute of its own
        ("add task 'prepare slides', tag work, priority high, for Thursday please",
         "Prepare slides", {"due": THU, "priority": "high", "tags": ["work"]}),
        ("add 'call the bank', put tag finance, tomorrow", "Call the bank",
         {"due": TUE, "tags": ["finance"]}),
        ('add "book the venue", put priority high, friday', "Book the venue",
         {"due": FRI, "priority": "high"}),
        ("add task 'renew passport', put tag travel", "Renew passport", {"tags": ["travel"]}),
        ('add "call grandma", tag family, tomorrow', "Call grandma",
         {"due": TUE, "tags": ["family"]}),
    ],
)  # fmt: skip
def test_attributes_after_a_quoted_title(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        ("yoga class every tue + thu 6pm", "yoga class",
         {"time": "18:00", "repeat": "FREQ=WEEKLY;BYDAY=TU,TH"}),
        # invented: weekdays joined by "+", "&" or "/"
        ("swim every mon & wed 7am", "swim",
         {"time": "07:00", "repeat": "FREQ=WEEKLY;BYDAY=MO,WE"}),
        ("piano lesson every tue/thu at 5pm", "piano lesson",
         {"time": "17:00", "repeat": "FREQ=WEEKLY;BYDAY=TU,TH"}),
        ("add run every mon+wed+fri", "run", {"repeat": "FREQ=WEEKLY;BYDAY=MO,WE,FR"}),
        ("bins out every sunday / wednesday", "bins out",
         {"repeat": "FREQ=WEEKLY;BYDAY=WE,SU"}),
        ("remind me to call dad every sat + sun", "call dad",
         {"repeat": "FREQ=WEEKLY;BYDAY=SA,SU"}),
    ],
)  # fmt: skip
def test_weekdays_joined_by_a_sign(message: str, title: str, attributes: dict[str, object]) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        ("remind me to take the antibiotics every day for 7 days", "take the antibiotics",
         {"repeat": "FREQ=DAILY;COUNT=7"}),
        # invented: how long a repeat lasts, counted in its own steps
        ("water the seedlings every day for 10 days", "water the seedlings",
         {"repeat": "FREQ=DAILY;COUNT=10"}),
        ("physio exercises every monday for 6 weeks", "physio exercises",
         {"repeat": "FREQ=WEEKLY;BYDAY=MO;COUNT=6"}),
        ("take vitamin D daily for 3 weeks", "take vitamin D", {"repeat": "FREQ=DAILY;COUNT=21"}),
        ("call grandma every sunday 4 times", "call grandma",
         {"repeat": "FREQ=WEEKLY;BYDAY=SU;COUNT=4"}),
        ("stretch every morning for 2 weeks", "stretch",
         {"time": "09:00", "repeat": "FREQ=DAILY;COUNT=14"}),
        ("pay the loan instalment monthly for 6 months", "pay the loan instalment",
         {"repeat": "FREQ=MONTHLY;COUNT=6"}),
        ("add eye drops every day for the next 5 days", "eye drops",
         {"repeat": "FREQ=DAILY;COUNT=5"}),
        ("gym every tue and thu for 4 weeks", "gym",
         {"repeat": "FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8"}),
    ],
)  # fmt: skip
def test_how_long_a_repeat_lasts(message: str, title: str, attributes: dict[str, object]) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        (
            "Would you mind adding a task to look into evening Spanish classes? There's no "
            "deadline for it.",
            "look into evening Spanish classes",
            {},
        ),
        # invented: a part of the day after an article or a preposition, before a noun, describes it
        ("add sign up for evening pottery classes", "sign up for evening pottery classes", {}),
        ("add look into morning yoga sessions", "look into morning yoga sessions", {}),
        ("remind me to book the afternoon tea for mum", "book the afternoon tea for mum", {}),
        ("add find a night course in photography", "find a night course in photography", {}),
        ("add buy the morning paper tomorrow", "buy the morning paper", {"due": TUE}),
        # still a time: after a day, "in the", or before a word that is no noun
        ("add call mum in the evening", "call mum", {"time": "18:00"}),
        ("add run tomorrow morning", "run", {"due": TUE, "time": "09:00"}),
        ("add water the plants evening", "water the plants", {"time": "18:00"}),
        ("add pack the bags morning please", "pack the bags", {"time": "09:00"}),
        (
            "every friday evening call grandma",
            "call grandma",
            {"time": "18:00", "repeat": "FREQ=WEEKLY;BYDAY=FR"},
        ),
        ("monday evening book the plumber", "book the plumber", {"due": MON, "time": "18:00"}),
    ],
)
def test_a_part_of_the_day_before_a_noun_is_no_time(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        (
            "new task renew passport um put in the notes that the photo has to be taken at the "
            "post office and it's due end of month",
            "renew passport",
            {"due": TODAY, "description": "the photo has to be taken at the post office"},
        ),
        # invented: the due date said after a note is the task's
        ("add call the plumber, note: ask about the boiler, due friday", "call the plumber",
         {"due": FRI, "description": "ask about the boiler"}),
        ("add book the hotel, put in the notes that it must have parking and it is due thursday",
         "book the hotel", {"due": THU, "description": "it must have parking"}),
        ("add order the cake, notes: chocolate with candles, due tomorrow", "order the cake",
         {"due": TUE, "description": "chocolate with candles"}),
        ("add pay the deposit, note: ask for a receipt and it's due wednesday", "pay the deposit",
         {"due": WED, "description": "ask for a receipt"}),
        ("add email the school, note: mention the trip, due next monday", "email the school",
         {"due": MON, "description": "mention the trip"}),
        # a date the note is about stays in it
        ("add fix the tap, note: washer is due for replacement", "fix the tap",
         {"description": "washer is due for replacement"}),
        ("add buy paint, note that it should be white", "buy paint",
         {"description": "it should be white"}),
    ],
)  # fmt: skip
def test_a_due_date_after_a_note_is_the_tasks(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-11
        (
            "so I always forget this but rent is due on the 1st of every month so can you add "
            "pay rent for the 1st every month",
            "pay rent",
            {"repeat": "FREQ=MONTHLY;BYMONTHDAY=1"},
        ),
        # invented: a story, then "so (can you) add X"
        ("my sister's birthday is next week so can you add buy her a present for friday",
         "buy her a present", {"due": FRI}),
        ("the car has been making noises so please add book a service tomorrow",
         "book a service", {"due": TUE}),
        ("I keep forgetting the plants so add water the plants every sunday", "water the plants",
         {"repeat": "FREQ=WEEKLY;BYDAY=SU"}),
        ("we ran out of milk so can you add buy milk", "buy milk", {}),
        ("the boiler is making a weird noise, so could you add call the plumber on thursday",
         "call the plumber", {"due": THU}),
        ("my landlord texted me so can you add pay the rent on friday", "pay the rent",
         {"due": FRI}),
    ],
)  # fmt: skip
def test_a_story_then_so_add(message: str, title: str, attributes: dict[str, object]) -> None:
    assert one_task(message) == (title, attributes)
