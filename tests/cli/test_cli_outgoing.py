"""The outgoing register from the command line: import, export, envelopes, labels, the list."""

from __future__ import annotations

from datetime import date

from app.cli import main
from app.domain.correspondence import Addressee
from db.session import Database
from tests import factories
from tests.printing import page_size_mm, page_texts


def _office(tmp_path) -> str:
    path = tmp_path / "office.sqlite"
    assert main(["--db", str(path), "init"]) == 0
    db = Database(str(path))
    factories.organisation(db)
    today = date.today()
    for name, code in (("Луцька РДА", "43000"), ("Прокуратура", "30400")):
        factories.outgoing(db, today, addressees=[Addressee(name, "вул. Шевченка, 1", code)])
    factories.outgoing(db, today, addressees=[Addressee("ДСНС", email="d@example.ua")])
    db.dispose()
    return str(path)


def test_envelopes_for_the_days_post_and_for_one_document(tmp_path, capsys):
    db = _office(tmp_path)
    out = tmp_path / "env.pdf"
    assert main(["--db", db, "print", "envelopes", "--size", "C4", "-o", str(out)]) == 0
    pages = page_texts(out.read_bytes())
    assert len(pages) == 2 and "Луцька РДА" in pages[0] and "Прокуратура" in pages[1]
    assert [round(x) for x in page_size_mm(out.read_bytes())] == [324, 229]
    assert main(["--db", db, "print", "envelopes", "--number", "2", "-o", str(out)]) == 0
    assert len(page_texts(out.read_bytes())) == 1


def test_labels_and_distribution_list(tmp_path):
    db = _office(tmp_path)
    out = tmp_path / "labels.pdf"
    assert main(["--db", db, "print", "labels", "--skip", "3", "-o", str(out)]) == 0
    assert "Прокуратура" in page_texts(out.read_bytes())[0]
    dist = tmp_path / "dist.pdf"
    assert main(["--db", db, "print", "distribution", "--number", "3", "-o", str(dist)]) == 0
    assert "Список розсилки" in page_texts(dist.read_bytes())[0]


def test_no_outgoing_in_the_period_is_a_clear_message(tmp_path, capsys):
    db = _office(tmp_path)
    args = ["print", "envelopes", "--from", "01.01.2020", "--to", "02.01.2020", "-o", "x.pdf"]
    assert main(["--db", db, *args]) == 1
    assert "Вихідних документів з 01.01.2020 по 02.01.2020 немає" in capsys.readouterr().err


def test_import_and_export_outgoing(tmp_path, capsys):
    db = _office(tmp_path)
    journal = tmp_path / "journal.csv"
    journal.write_text(
        "Вих. №;Дата;Адресати;Короткий зміст\n100;02.01.2026;Луцька РДА;Про дороги\n",
        encoding="utf-8-sig",
    )
    assert main(["--db", db, "import", "outgoing", str(journal), "--allow-gaps"]) == 0
    exported = tmp_path / "out.csv"
    assert main(["--db", db, "export", "outgoing", "-o", str(exported)]) == 0
    text = exported.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("Вих. №;Дата;Адресати;Заголовок")
    assert "100;02.01.2026;Луцька РДА" in text
