"""Envelopes, labels and the distribution list of a registered outgoing document."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.correspondence import Addressee
from app.services import printouts
from app.services.documents import DocumentError
from tests import factories
from tests.printing import page_size_mm, page_texts

FIVE = [
    Addressee("Хмельницька ОДА", "майдан Незалежності, 2, м. Хмельницький", "29000"),
    Addressee("Шепетівське РУП", "вул. Героїв Небесної Сотні, 9, м. Шепетівка", "30400"),
    Addressee("Прокуратура", "вул. Шевченка, 1, м. Шепетівка", "30400"),
    Addressee("Управління ДСНС", email="dsns@example.ua"),
    Addressee("Редакція газети «Шепетівський вісник»", email="visnyk@example.ua"),
]


def _letter(db, **values):
    factories.organisation(db)
    factories.staff(db)
    return factories.outgoing(
        db,
        date(2026, 11, 20),
        addressees=FIVE,
        title="Про підготовку до зими",
        signatory="Бондар В. П.",
        lead_executor="Мельник І. І.",
        executor_phone="4-12-34",
        send_method="Рекомендований лист",
        **values,
    )


def test_one_envelope_per_addressee_with_a_postal_address(db):
    reg = _letter(db)
    pdf = printouts.envelopes_pdf(db, reg.id, size="C5")
    pages = page_texts(pdf)
    assert len(pages) == 3  # the two with an e-mail address only get no envelope
    assert "Хмельницька ОДА" in pages[0] and "29000" in pages[0]
    assert "Виконавчий комітет Шепетівської міської ради" in pages[0]  # the sender
    assert "30400" in pages[0]  # the sender's postal code
    assert "Рекомендоване" in pages[1]
    assert f"Вих. № {reg.reg_number} від 20.11.2026" in pages[2]
    width, height = page_size_mm(pdf)
    assert (round(width), round(height)) == (229, 162)


def test_labels_and_the_distribution_list(db):
    reg = _letter(db)
    labels = page_texts(printouts.labels_pdf(db, reg.id))
    assert len(labels) == 1 and "Прокуратура" in labels[0]
    (sheet,) = page_texts(printouts.distribution_list_pdf(db, reg.id))
    assert "Список розсилки" in sheet
    assert f"{reg.reg_number} від 20.11.2026" in sheet
    for item in FIVE:
        assert item.name in sheet
    assert "visnyk@example.ua" in sheet
    assert "Усього адресатів: 5" in sheet
    assert "БОНДАР" in sheet and "Міський голова" in sheet
    assert "Мельник І. І. 4-12-34" in sheet


def test_no_postal_address_no_envelopes(db):
    factories.organisation(db)
    reg = factories.outgoing(db, date(2026, 11, 20), addressees=[Addressee("Луцька РДА")])
    with pytest.raises(DocumentError, match="поштовою адресою"):
        printouts.envelopes_pdf(db, reg.id)


def test_incoming_documents_have_no_envelopes(db):
    factories.organisation(db)
    reg = factories.incoming(db, date(2026, 11, 20))
    with pytest.raises(DocumentError, match="Вихідний документ не знайдено"):
        printouts.distribution_list_pdf(db, reg.id)


def test_a_days_post_leaves_out_letters_sent_another_way(db):
    from app.services import mail_printouts

    factories.organisation(db)
    day = date(2026, 11, 20)
    post = factories.outgoing(db, day, addressees=[FIVE[0]], send_method="Пошта")
    mail = factories.outgoing(db, day, addressees=[FIVE[1]], send_method="Електронна пошта")
    later = factories.outgoing(db, day, addressees=[FIVE[2]])  # the way not chosen yet
    pages = page_texts(mail_printouts.batch_envelopes_pdf(db, [post.id, mail.id, later.id]))
    assert len(pages) == 2
    assert "Хмельницька ОДА" in pages[0] and "Прокуратура" in pages[1]
    one = page_texts(printouts.envelopes_pdf(db, mail.id))  # asked for this letter: printed
    assert "Шепетівське РУП" in one[0]
