"""File dialogs fully in Ukrainian, starting in the user's Documents folder.

Qt's own Ukrainian translation (qtbase_uk.qm) leaves parts of its file dialog in English:
«Look in:», «Files of type:», the «Folder» type of every folder, the view buttons' tips. The
`MissingQtTranslations` translator, installed after Qt's, supplies those strings; everything Qt
does translate is left to Qt. A file dialog asked for no folder starts in Documents (the home
folder where there is none), never in the program's own folder.

Qt's file list writes «Дата зміни» in the system locale, not the application's: «3 12 2026 03:18»
under LANG=C. Every Qt file dialog, as soon as it takes the focus, shows the date as the
program writes dates everywhere: 03.12.2026 03:18 (`install` hooks it in).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QStandardPaths,
    QTranslator,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

#: The file list's date column (QFileSystemModel: name, size, type, date) and its format.
DATE_COLUMN = 3
DATE_FORMAT = "dd.MM.yyyy HH:mm"

#: (Qt's translation context, English text) → Ukrainian, for what qtbase_uk.qm lacks.
MISSING: dict[tuple[str, str], str] = {
    ("QFileDialog", "Look in:"): "Шукати в:",
    ("QFileDialog", "&Look in:"): "&Шукати в:",
    ("QFileDialog", "Files of &type:"): "&Тип файлів:",
    ("QFileDialog", "Files of type:"): "Тип файлів:",
    ("QFileDialog", "File &name:"): "&Ім'я файлу:",
    ("QFileDialog", "Folder"): "Тека",
    ("QFileDialog", "Directory:"): "Тека:",
    ("QFileDialog", "Back"): "Назад",
    ("QFileDialog", "Forward"): "Вперед",
    ("QFileDialog", "Parent Directory"): "Тека вище",
    ("QFileDialog", "Create New Folder"): "Створити теку",
    ("QFileDialog", "New Folder"): "Нова тека",
    ("QFileDialog", "List View"): "Список",
    ("QFileDialog", "Detail View"): "Таблиця",
    ("QFileDialog", "Go back"): "Назад",
    ("QFileDialog", "Go forward"): "Вперед",
    ("QFileDialog", "Go to the parent directory"): "До теки вище",
    ("QFileDialog", "Create a New Folder"): "Створити нову теку",
    ("QFileDialog", "Change to list view mode"): "Показати списком",
    ("QFileDialog", "Change to detail view mode"): "Показати таблицею",
    ("QFileDialog", "Sidebar"): "Бічна панель",
    ("QFileDialog", "File"): "Файл",
    ("QFileDialog", "All Files (*)"): "Усі файли (*)",
    ("QFileDialog", "Show &hidden files"): "Показувати &приховані файли",
    ("QFileDialog", "&Rename"): "&Перейменувати",
    ("QFileDialog", "&Delete"): "&Видалити",
    ("QFileDialog", "&New Folder"): "&Нова тека",
    ("QFileDialog", "&Choose"): "&Вибрати",
    ("QFileDialog", "&Open"): "&Відкрити",
    ("QFileDialog", "&Save"): "&Зберегти",
    # The file list's header menu: Qt joins "Show " and the column's name; qtbase_uk's
    # «Показати» lost the space («ПоказатиРозмір»).
    ("QFileDialog", "Show "): "Показати ",
    ("QAbstractFileIconProvider", "Folder"): "Тека",
    ("QAbstractFileIconProvider", "File"): "Файл",
    ("QAbstractFileIconProvider", "Drive"): "Диск",
    ("QAbstractFileIconProvider", "%1 File"): "Файл %1",
    ("QFileSystemModel", "Name"): "Ім'я",
    ("QFileSystemModel", "Size"): "Розмір",
    ("QFileSystemModel", "Type"): "Тип",
    ("QFileSystemModel", "Kind"): "Тип",
    ("QFileSystemModel", "Date Modified"): "Дата зміни",
    ("QFileSystemModel", "Computer"): "Комп'ютер",
    ("QFileSystemModel", "My Computer"): "Мій комп'ютер",
    # Every standard button, so no «OK» or «Cancel» is left even where Qt's own catalogue is
    # missing (a copy of the program without Qt's translations folder).
    ("QPlatformTheme", "OK"): "Гаразд",
    ("QPlatformTheme", "Yes"): "Так",
    ("QPlatformTheme", "No"): "Ні",
    ("QPlatformTheme", "&Yes"): "&Так",
    ("QPlatformTheme", "&No"): "&Ні",
    ("QPlatformTheme", "Yes to &All"): "Так для &всіх",
    ("QPlatformTheme", "N&o to All"): "Н&і для всіх",
    ("QPlatformTheme", "Save"): "Зберегти",
    ("QPlatformTheme", "Save All"): "Зберегти все",
    ("QPlatformTheme", "Open"): "Відкрити",
    ("QPlatformTheme", "Abort"): "Перервати",
    ("QPlatformTheme", "Retry"): "Повторити",
    ("QPlatformTheme", "Ignore"): "Ігнорувати",
    ("QPlatformTheme", "Close"): "Закрити",
    ("QPlatformTheme", "Cancel"): "Скасувати",
    ("QPlatformTheme", "Discard"): "Не зберігати",
    ("QPlatformTheme", "Don't Save"): "Не зберігати",
    ("QPlatformTheme", "Close without Saving"): "Закрити без збереження",
    ("QPlatformTheme", "Help"): "Довідка",
    ("QPlatformTheme", "Apply"): "Застосувати",
    ("QPlatformTheme", "Reset"): "Скинути",
    ("QPlatformTheme", "Restore Defaults"): "Відновити типові",
    ("QMessageBox", "Show Details..."): "Подробиці…",
    ("QMessageBox", "Hide Details..."): "Сховати подробиці",
}


class MissingQtTranslations(QTranslator):
    """The Ukrainian texts Qt's own catalogue lacks (see MISSING)."""

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:  # type: ignore[override]
        # None is Qt's null string: «not translated here», so Qt's own translator answers.
        # An empty string would be taken as the translation.
        return MISSING.get((context, source))

    def isEmpty(self) -> bool:
        return False


class _DateDelegate(QStyledItemDelegate):
    """The date column of a file list as 03.12.2026 03:18."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if isinstance(model, QFileSystemModel):
            plain = (
                index
                if isinstance(index, QModelIndex)
                else model.index(index.row(), index.column(), index.parent())
            )
            modified = model.lastModified(plain)
            option.text = modified.toString(DATE_FORMAT) if modified.isValid() else ""  # type: ignore[attr-defined]


def _on_focus(_old: QWidget | None, new: QWidget | None) -> None:
    """A file dialog that takes the focus gets the date format (once)."""
    window = new.window() if new is not None else None
    if not isinstance(window, QFileDialog) or window.property("dilovodDates"):
        return
    window.setProperty("dilovodDates", True)
    for view in window.findChildren(QTreeView):
        view.setItemDelegateForColumn(DATE_COLUMN, _DateDelegate(view))
        # Room for the whole date (Qt sized the column for its own, shorter text).
        wide = view.fontMetrics().horizontalAdvance("00.00.0000 00:00") + 24
        header = view.header()
        if header.sectionSize(DATE_COLUMN) < wide:
            header.resizeSection(DATE_COLUMN, wide)
        view.viewport().update()


def install(app: QCoreApplication) -> MissingQtTranslations:
    """Install after Qt's own translator (the last installed is asked first); file dialogs
    show dates as the program does."""
    translator = MissingQtTranslations(app)
    app.installTranslator(translator)
    if isinstance(app, QApplication) and not app.property("dilovodFileDates"):
        app.setProperty("dilovodFileDates", True)
        app.focusChanged.connect(_on_focus)
    return translator


def documents_folder() -> str:
    """The user's Documents folder (created by the system, not by us), else the home folder."""
    location = QStandardPaths.StandardLocation.DocumentsLocation
    folder = QStandardPaths.writableLocation(location)
    if folder and Path(folder).is_dir():
        return folder
    return str(Path.home())


def in_documents(name: str) -> str:
    """A suggested file name, in the Documents folder."""
    return str(Path(documents_folder()) / name)
