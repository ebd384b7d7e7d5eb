"""«Можливо, цей документ уже зареєстровано»: the earlier documents, and the clerk's choice.

Asked before registering (ui/dialogs/document_form.py) when app.services.duplicates finds an
earlier document of the same sender with the same number, or with a similar summary within 30
days. Never a refusal: a resent letter may need its own number.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QMessageBox, QWidget

from app.services.duplicates import Duplicate

TITLE = "Можливо, цей документ уже зареєстровано"
APPEAL_TITLE = "Автор уже звертався з цього питання"
REGISTER_ANYWAY = "Зареєструвати все одно"
BACK = "Повернутися до форми"
SHOWN = 5


def duplicates_box(found: list[Duplicate], parent: QWidget | None = None) -> QMessageBox:
    """The question, not yet shown: REGISTER_ANYWAY or BACK (the default)."""
    items = "".join(f"<li>{escape(d.describe())}</li>" for d in found[:SHOWN])
    more = f"<p>та ще {len(found) - SHOWN}</p>" if len(found) > SHOWN else ""
    box = QMessageBox(QMessageBox.Icon.Warning, TITLE, "", parent=parent)
    box.setText(f"<b>{TITLE}</b><ul>{items}</ul>{more}")
    if found and found[0].register == "appeals":
        box.setWindowTitle(APPEAL_TITLE)
        box.setText(f"<b>{APPEAL_TITLE}</b><ul>{items}</ul>{more}")
        box.setInformativeText(
            "Вирішіть, чи це повторне або дублетне звернення (ст. 8 ЗУ «Про звернення "
            "громадян»), і зазначте на картці ознаку, рішення щодо розгляду та номери "
            "попередніх звернень. Зареєструвати його?"
        )
    else:
        box.setInformativeText(
            "Перевірте, чи це не той самий лист (надісланий ще раз або іншим способом). "
            "Зареєструвати його з новим номером?"
        )
    box.addButton(REGISTER_ANYWAY, QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(BACK, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    return box


def confirm_registering(found: list[Duplicate], parent: QWidget | None = None) -> bool:
    """True when the clerk registers anyway (nothing found: True without asking)."""
    if not found:
        return True
    box = duplicates_box(found, parent)
    box.exec()
    clicked = box.clickedButton()
    answer = clicked is not None and clicked.text() == REGISTER_ANYWAY
    box.deleteLater()
    return answer
