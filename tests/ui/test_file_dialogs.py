"""Qt's file dialog fully in Ukrainian (what qtbase_uk.qm lacks is supplied) and starting in
the user's Documents folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
)

from app.registers import INCOMING
from ui import file_dialogs
from ui.dialogs.document_form import DocumentForm

ENGLISH = ("Look in", "Files of type", "Folder", "Cancel", "Save", "Open", "File name")


def test_the_file_dialog_speaks_ukrainian(qtbot):
    app = QApplication.instance()
    qt = QTranslator(app)
    qt.load(
        QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine),
        "qtbase",
        "_",
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
    )
    app.installTranslator(qt)
    ours = file_dialogs.install(app)
    try:
        dialog = QFileDialog(None, "Зберегти PDF")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(dialog)
        dialog.show()
        texts = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton)]
        texts += [w.toolTip() for w in dialog.findChildren(QPushButton)]
        combo = dialog.findChild(QComboBox)
        assert combo is not None
        shown = " ".join(texts).replace("&", "")
        assert "Шукати в:" in shown and "Тип файлів:" in shown
        assert not [word for word in ENGLISH if word in shown], shown
        assert app.translate("QAbstractFileIconProvider", "Folder") == "Тека"
        # The file list's header menu («Показати Розмір»): Qt's catalogue drops the space.
        header_actions = [
            a.text() for h in dialog.findChildren(QHeaderView) for a in h.actions() if a.text()
        ]
        assert header_actions, "the detail view's header offers its columns"
        assert all(t.startswith("Показати ") for t in header_actions), header_actions
        # What Qt translates itself is left to Qt (an unknown text is not blanked).
        assert app.translate("QPlatformTheme", "Cancel") == "Скасувати"
        assert app.translate("QFileDialog", "no such text") == "no such text"
    finally:
        app.removeTranslator(ours)
        app.removeTranslator(qt)


def test_file_dialogs_start_in_documents(qtbot, office_db, monkeypatch):
    folder = file_dialogs.documents_folder()
    assert Path(folder).is_dir()
    assert file_dialogs.in_documents("x.pdf") == str(Path(folder) / "x.pdf")
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        lambda _parent, _title, start, _filter: (asked.append(start), ([], ""))[1],
    )
    form = DocumentForm(office_db, INCOMING)
    qtbot.addWidget(form)
    form._on_add_scan()
    assert asked == [folder]


def test_the_file_list_shows_dates_as_dd_mm_yyyy(qtbot, tmp_path):
    """«Дата зміни» reads 03.12.2026 03:18, not Qt's system-locale «3 12 2026 03:18» (LANG=C)."""
    import os
    from datetime import datetime

    from PySide6.QtCore import QDir
    from PySide6.QtWidgets import QFileSystemModel, QStyleOptionViewItem, QTreeView

    sample = tmp_path / "лист.pdf"
    sample.write_bytes(b"%PDF")
    stamp = datetime(2026, 12, 3, 3, 18).timestamp()
    os.utime(sample, (stamp, stamp))
    app = QApplication.instance()
    ours = file_dialogs.install(app)
    try:
        dialog = QFileDialog(None, "Відкрити", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitActive(dialog)
        view = next(v for v in dialog.findChildren(QTreeView) if v.isVisible())
        model = view.model()
        assert isinstance(model, QFileSystemModel)
        root = model.index(QDir.fromNativeSeparators(str(tmp_path)))
        qtbot.waitUntil(lambda: model.rowCount(root) == 1)
        index = model.index(0, 3, root)
        option = QStyleOptionViewItem()
        view.itemDelegateForIndex(index).initStyleOption(option, index)
        assert option.text == "03.12.2026 03:18"
    finally:
        app.removeTranslator(ours)
