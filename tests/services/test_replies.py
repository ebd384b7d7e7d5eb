"""«Відповісти»: the answer's card filled in from the letter; the links both ways."""

from __future__ import annotations

from datetime import date

from app.registers import OUTGOING
from app.services import control
from app.services.reference import CorrespondentInfo, list_correspondents, save_correspondent
from app.services.replies import links_of, reply_values
from tests import factories

DAY = date(2026, 3, 10)


def test_the_answer_is_filled_in_from_the_letter(db):
    people = factories.staff(db)
    letter = factories.incoming(db, DAY, case_index="01-12")
    sender = list_correspondents(db, "Хмельницька")[0]
    save_correspondent(
        db,
        CorrespondentInfo(sender.id, sender.name, "вул. Проскурівська, 47", "29000", "oda@km.ua"),
    )
    control.add_resolution(
        db,
        letter.id,
        control.ResolutionInput((people["koval"].id, people["melnyk"].id), "Підготувати відповідь"),
    )
    values = reply_values(db, letter.id)
    (addressee,) = values["addressees"]
    assert addressee.name == sender.name
    assert (addressee.address, addressee.postal_code) == ("вул. Проскурівська, 47", "29000")
    assert values["reply_to"] == (letter.reg_number,)
    assert values["lead_executor"] == "Коваль О. П."
    assert values["case_index"] == "01-12"
    # The values are what the outgoing card parses and stores.
    answer = factories.outgoing(db, DAY, **{k: v for k, v in values.items()})
    links = links_of(db, letter.id)
    assert [d.id for d in links.answers] == [answer.id]
    assert links.answers[0].label.startswith("Вих. № ")
    assert [d.id for d in links_of(db, answer.id).answered] == [letter.id]
    assert OUTGOING.code == links.answers[0].register


def test_a_sender_not_in_the_list_is_still_the_addressee(db):
    letter = factories.incoming(db, DAY)
    values = reply_values(db, letter.id)
    assert values["addressees"][0].name == "Хмельницька обласна державна адміністрація"
    assert "lead_executor" not in values
