"""File dialogs fully in Ukrainian, starting in the user's Documents folder.

Qt's own Ukrainian translation (qtbase_uk.qm) leaves parts of its file dialog in English:
«Look in:», «Files of type:», the «Folder» type of every folder, the view buttons' tips. The
`MissingQtTranslations` translator, installed after Qt's, supplies those strings; everything Qt
does translate is left to Qt. A file dialog asked for no folder starts in Documents (the home
folder where there is none), never in the program's own folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QTranslator

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


def install(app: QCoreApplication) -> MissingQtTranslations:
    """Install after Qt's own translator (the last installed is asked first)."""
    translator = MissingQtTranslations(app)
    app.installTranslator(translator)
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
