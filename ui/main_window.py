"""The main window: the control centre and one tab per register, the menus, the status bar
and the overdue monitor.

`run(target)` is the entry point of the window. It opens (and upgrades) the database before
any window appears; a database that cannot be used is reported and left untouched. A file too
large to check in full before the window is checked in the background once the window is up,
and damage found then is reported the same way: never repaired, never written. Heavy
modules (reportlab, openpyxl, every dialog) are imported only when first used, so an empty
database opens to a usable window well under a second.
"""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStyle,
    QSystemTrayIcon,
    QTabWidget,
    QWidget,
)

from app.registers import REGISTERS
from app.services.database import Opened
from app.services.overdue import OverdueSummary
from db.session import Database
from ui import errors, tasks
from ui.backup import BackupController, offer_restore
from ui.change_watcher import ChangeWatcher
from ui.control_centre.tab import ControlCentreTab
from ui.local_settings import settings
from ui.overdue_timer import OverdueMonitor
from ui.registers import registry, scan
from ui.registers.register_tab import URGENT_LEGEND, RegisterTab
from ui.registers.registry import TabEntry

APP_TITLE = "Діловод"
ORGANISATION = "Dilovod"
TRAY_LIST_LIMIT = 5
CONTROL_TITLE = "Контроль"


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.services.organisation import get_organisation

        self.db = db
        self.switch_to: str | None = None  # another database chosen: run() reopens over it
        org = get_organisation(db)
        self.setWindowTitle(f"{APP_TITLE} — {org.short_name}" if org else APP_TITLE)
        self.setWindowIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogListView))
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.register_tabs: dict[str, RegisterTab] = {}
        self.tab_entries: dict[str, TabEntry] = {}
        self.monitor = OverdueMonitor(db, self)
        # First in the bar, before the registers: what is overdue, across all of them.
        self.control_tab = ControlCentreTab(db, self.tabs)
        self.control_tab.reveal_requested.connect(self._on_reveal)
        self.monitor.summary_changed.connect(self.control_tab.schedule_refresh)
        self.tabs.addTab(self.control_tab, CONTROL_TITLE)
        # Tabs that are no register's journal (the executive committee's meetings): shown, hidden
        # by the roles, told of changes (`set_read_only`, `refresh_in_place` when they have them).
        self.other_tabs: dict[str, QWidget] = {}
        for entry in registry.entries():  # every register's tab, from the registry
            tab = entry.build(db, self.tabs)
            self.tab_entries[entry.code] = entry
            self.tabs.addTab(tab, entry.title)
            if not isinstance(tab, RegisterTab):
                self.other_tabs[entry.code] = tab
                changed = getattr(tab, "changed", None)
                if changed is not None:
                    changed.connect(self.monitor.request_check)
                continue
            tab.changed.connect(self.monitor.request_check)
            tab.reveal_requested.connect(self._on_reveal)  # a scanned QR code (registers/scan.py)
            self.register_tabs[entry.code] = tab
        self.setCentralWidget(self.tabs)
        self.backups = BackupController(self, db)
        self.backups.restore_starting.connect(self._on_restore_starting)
        self.backups.restored.connect(self._on_restored)
        self._build_menus()
        self._hide_what_the_roles_forbid()
        self.overdue_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.overdue_label)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.windowIcon(), self)
            self.tray.setToolTip(self.windowTitle())
            self.tray.activated.connect(self._on_tray_activated)
            self.tray.show()
        self.monitor.summary_changed.connect(self._on_summary)
        self.watcher = ChangeWatcher(db, self)
        self.watcher.changed.connect(self._on_changed_elsewhere)
        self._restore_state()
        self.monitor.start()
        self.backups.start()
        self.watcher.start()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&Файл")
        self.print_journal_action = self._add(file_menu, "Друк журналу…", self._on_print_journal)
        self.print_journal_action.setShortcut(QKeySequence("Ctrl+P"))
        self.export_action = self._add(file_menu, "Експорт таблиці…", self._on_export)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.find_code_action = self._add(file_menu, "Знайти за кодом…", self._on_find_code)
        self.find_code_action.setShortcut(QKeySequence(scan.SHORTCUT))
        file_menu.addSeparator()
        self.backup_actions = [
            self._add(file_menu, "Резервна копія…", self.backups.open_dialog),
            self._add(file_menu, "Відновити з копії…", self.backups.restore_from_file),
        ]
        self._add(file_menu, "Підключення до бази даних…", self._on_connection)
        file_menu.addSeparator()
        quit_action = self._add(file_menu, "Вихід", self.close)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        reference_menu = bar.addMenu("&Довідники")
        self.reference_action = self._add(reference_menu, "Довідники…", self._on_reference)
        self.admin_menu = bar.addMenu("&Адміністрування")
        self.users_action = self._add(self.admin_menu, "Користувачі…", self._on_users)
        self.audit_action = self._add(self.admin_menu, "Журнал дій…", self._on_audit_log)
        help_menu = bar.addMenu("Дові&дка")
        self.help_action = self._add(help_menu, "Посібник користувача", self._on_help)
        self.help_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self._add(help_menu, "Про програму", self._on_about)

    def _hide_what_the_roles_forbid(self) -> None:
        """Registers the user may not see are hidden; write actions of those he may only read,
        and the reference dialogs without the right to change them. The services refuse the
        same things (app/domain/roles.py); hiding only spares the user a refusal."""
        from app.domain.roles import (
            AUDIT_VIEW,
            CORRESPONDENTS_WRITE,
            REFERENCE_WRITE,
            SETTINGS_WRITE,
            USERS_MANAGE,
        )
        from app.services.dialog_support import current_user

        actor = current_user()
        for code, tab in self.register_tabs.items():
            entry = self.tab_entries[code]
            self.tabs.setTabVisible(self.tabs.indexOf(tab), entry.may_see(actor))
            if not entry.may_change(actor):
                acts = tab.document_actions
                hidden = [
                    tab.register_action,
                    *acts.control_actions,
                    acts.send_action,
                    acts.cancel_action,
                ]
                for action in hidden:
                    if action is not None:
                        action.setVisible(False)
        for code, other in self.other_tabs.items():
            entry = self.tab_entries[code]
            self.tabs.setTabVisible(self.tabs.indexOf(other), entry.may_see(actor))
            if not entry.may_change(actor) and hasattr(other, "set_read_only"):
                other.set_read_only(True)
        from app.reports.access import may_take_reports

        # the control centre lists every controllable register's documents
        self.tabs.setTabVisible(self.tabs.indexOf(self.control_tab), may_take_reports(actor))
        may_edit = actor.can(REFERENCE_WRITE) or actor.can(CORRESPONDENTS_WRITE)
        self.reference_action.setVisible(may_edit)
        for action in self.backup_actions:  # a restore replaces everybody's registers
            action.setVisible(actor.can(SETTINGS_WRITE))
        if not actor.system:  # who is signed in, always in sight (a shared PC)
            who = f"{actor.full_name} ({actor.login})" if actor.full_name else actor.login
            self.statusBar().addPermanentWidget(QLabel(f"Користувач: {who}", self))
        self.users_action.setVisible(actor.can(USERS_MANAGE))
        self.audit_action.setVisible(actor.can(AUDIT_VIEW))
        self.admin_menu.menuAction().setVisible(actor.can(USERS_MANAGE) or actor.can(AUDIT_VIEW))

    def _add(self, menu: object, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    def current_tab(self) -> RegisterTab | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, RegisterTab) else None

    # --- slots --------------------------------------------------------------------------------

    def _on_help(self) -> None:
        """F1: the manual's page about the tab on screen (ui/help.py)."""
        from ui.help import open_help

        current = self.tabs.currentWidget()
        tabs = {**self.register_tabs, **self.other_tabs}
        codes = [code for code, tab in tabs.items() if tab is current]
        open_help(self, "control" if current is self.control_tab else next(iter(codes), None))

    def _on_print_journal(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.document_actions.print_journal()

    def _on_export(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.export_action.trigger()

    def _on_reference(self) -> None:
        from ui.dialogs.reference import ReferenceDialog

        ReferenceDialog(self.db, self).exec()
        self._reload_everything()

    def _on_users(self) -> None:
        from ui.dialogs.users import UsersDialog

        UsersDialog(self.db, self).exec()

    def _on_audit_log(self) -> None:
        from ui.dialogs.audit_log import AuditLogDialog

        AuditLogDialog(self.db, self).exec()

    def _reload_everything(self) -> None:
        """Staff, departments, the calendar, the organisation or every record may have changed
        (the reference dialog, a restore from a backup)."""
        from app.services.organisation import get_organisation

        org = get_organisation(self.db)
        if org is not None:
            self.setWindowTitle(f"{APP_TITLE} — {org.short_name}")
        for tab in self.register_tabs.values():
            tab.filter_bar.reload_reference()
            tab.refresh()
        self.monitor.request_check()  # the control centre re-reads after it

    def _on_restore_starting(self) -> None:
        """Before a restore: no scan and no background read may hold the file."""
        self.monitor.stop()
        tasks.wait_for_done()

    def _on_restored(self) -> None:
        self._reload_everything()
        self.monitor.start()

    def _on_connection(self) -> None:
        """Choose the shared server; the window then reopens over it (QSettings keep it)."""
        from app.services.connection import ServerConnection
        from ui.dialogs.connection import ConnectionDialog

        dialog = ConnectionDialog(ServerConnection.from_url(self.db.url), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.switch_to = dialog.url()
        self.close()

    def _on_about(self) -> None:
        from html import escape

        from app.about import database_text, version

        QMessageBox.about(
            self,
            "Про програму",
            f"<h3>{APP_TITLE} {version()}</h3>"
            "<p>Реєстрація та контроль виконання документів виконавчого комітету.</p>"
            f"<p>База даних: {escape(database_text(self.db.url))}</p>"
            f"<p>{URGENT_LEGEND}</p>",
        )

    def _on_changed_elsewhere(self, registers: frozenset[str]) -> None:
        """Another PC saved: re-read the registers it touched (all when not said) in place,
        then the control centre and the overdue counts (through the monitor)."""
        for code, tab in self.register_tabs.items():
            if not registers or code in registers:
                tab.refresh_in_place()
        for code, other in self.other_tabs.items():
            if (not registers or code in registers) and hasattr(other, "refresh_in_place"):
                other.refresh_in_place()
        self.monitor.request_check()

    def _on_summary(self, summary: OverdueSummary) -> None:
        """Tab titles «Вхідні (3)», the status bar, the tray, and repainted rows."""
        for i in range(self.tabs.count()):
            tab = self.tabs.widget(i)
            if isinstance(tab, RegisterTab):
                n = summary.by_register.get(tab.spec.code, 0)
                self._title_tab(i, tab.spec.title, n)
                tab.refresh_if_older(2.0)
            elif tab is self.control_tab:
                self._title_tab(i, CONTROL_TITLE, summary.overdue)
        self.overdue_label.setText(summary.status_text)
        if summary.newly_overdue and self.tray is not None:
            self.tray.showMessage(
                APP_TITLE, self._newly_overdue_text(summary), QSystemTrayIcon.MessageIcon.Warning
            )

    def _title_tab(self, index: int, title: str, overdue: int) -> None:
        self.tabs.setTabText(index, f"{title} ({overdue})" if overdue else title)
        self.tabs.setTabToolTip(index, f"Прострочено: {overdue}" if overdue else "")
        self.tabs.tabBar().setTabTextColor(index, QColor("#b02a37") if overdue else QColor())

    def _on_find_code(self) -> None:
        tab = self.current_tab() or next(iter(self.register_tabs.values()), None)
        if tab is not None:
            scan.ask_and_open(tab, self, self._on_reveal)

    def _on_reveal(self, register: str, doc_id: int, reg_date: date) -> None:
        """The control centre's double-click: the document in its register's tab, card open."""
        tab = self.register_tabs.get(register)
        if tab is None:
            self.statusBar().showMessage(f"Журнал «{register}» у цій версії не відкривається", 5000)
            return
        self.tabs.setCurrentWidget(tab)
        tab.reveal(doc_id, reg_date)

    @staticmethod
    def _newly_overdue_text(summary: OverdueSummary) -> str:
        lines = []
        for item in summary.newly_overdue[:TRAY_LIST_LIMIT]:
            spec = REGISTERS.get(item.register)
            label = spec.number_label if spec else "№"
            lines.append(f"Прострочено документ {label} {item.reg_number}")
        rest = len(summary.newly_overdue) - TRAY_LIST_LIMIT
        if rest > 0:
            lines.append(f"та ще {rest}")
        return "\n".join(lines)

    def _on_tray_activated(self, _reason: QSystemTrayIcon.ActivationReason) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # --- state ---------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        store = settings()
        geometry = store.value("main/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1480, screen.width() * 9 // 10), min(860, screen.height() * 9 // 10))
        for tab in self.register_tabs.values():
            tab.restore_state(store)
        # The tab left open last time; on a first start, the first register (where mail is
        # registered every morning), not the control centre in front of it.
        first = self.tabs.indexOf(next(iter(self.register_tabs.values()), self.control_tab))
        self.tabs.setCurrentIndex(int(str(store.value("main/tab", first) or first)))

    def save_state(self) -> None:
        store = settings()
        store.setValue("main/geometry", self.saveGeometry())
        store.setValue("main/tab", self.tabs.currentIndex())
        for tab in self.register_tabs.values():
            tab.save_state(store)
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.monitor.stop()
        self.watcher.stop()
        if self.tray is not None:
            self.tray.hide()
        tasks.wait_for_done()
        self.backups.on_exit()
        super().closeEvent(event)


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv)
    app.setApplicationName(APP_TITLE)
    app.setOrganizationName(ORGANISATION)
    app.setStyle("Fusion")
    locale = QLocale(QLocale.Language.Ukrainian, QLocale.Country.Ukraine)
    QLocale.setDefault(locale)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(locale, "qtbase", "_", folder):
        app.installTranslator(translator)
    from ui import file_dialogs

    file_dialogs.install(app)  # what qtbase_uk.qm leaves in English («Look in:», «Folder»)
    return app


def event_loop(app: QApplication) -> int:
    """The application's event loop (a seam: tests replace it rather than quit Qt's loop)."""
    return app.exec()


def check_integrity_in_background(window: QWidget, db: Database) -> None:
    """The full integrity check of a file too large to check before the window (over
    FULL_CHECK_LIMIT: only its header and schema were read), off the GUI thread.

    Damage is reported and nothing else: the file is never written because of it, so a copy of
    the damaged file is still there to restore from.
    """
    from app.services.database import integrity_problem
    from db.session import sqlite_path

    path = sqlite_path(db.url)
    if path is None:
        return

    def report(problem: str | None) -> None:
        if problem:
            QMessageBox.warning(
                window,
                f"{APP_TITLE}: база даних пошкоджена",
                f"Перевірка цілісності бази даних виявила пошкодження: {problem}\n\n"
                "Не вносьте змін; відновіть базу з резервної копії.",
            )

    tasks.run_in_background(lambda: integrity_problem(path), report, owner=window)


def run(target: str | None = None) -> int:
    """Open the database named by `target` (else this PC's choice, see ui/startup.py) and show
    the window; again after «Підключення до бази даних…» chose another. The exit code."""
    app = _application()
    from app.services.database import DatabaseOpenError
    from ui.startup import initial_url, open_for_window

    while True:
        try:
            opened = open_for_window(target)
        except DatabaseOpenError as exc:
            # A damaged file: the newest good backup is offered; the damaged file is kept aside.
            opened = offer_restore(initial_url(target), exc)
            if opened is None:
                QMessageBox.critical(
                    None,
                    f"{APP_TITLE}: базу даних не відкрито",
                    f"{exc}\n\nПрограма завершує роботу.",
                )
                return 2
        if opened is None:
            return 0
        code, switch_to = _show(app, opened)
        if switch_to is None:
            return code
        target = switch_to


def _show(app: QApplication, opened: Opened) -> tuple[int, str | None]:
    """The window over an opened database until it closes: (exit code, database to open next).
    The file stays marked as open (app/services/in_use.py) until then: a restore refuses."""
    db = opened.db
    try:
        from app.services.organisation import get_organisation

        if get_organisation(db) is None:
            from ui.dialogs.organisation import OrganisationDialog

            if OrganisationDialog(db, parent=None).exec() != QDialog.DialogCode.Accepted:
                return 0, None
        from app.domain.roles import Actor
        from app.services.dialog_support import sign_in as remember
        from ui.dialogs.login import sign_in

        actor = sign_in(db)
        if actor is False:
            return 0, None
        remember(actor if isinstance(actor, Actor) else None)
        window = MainWindow(db)
        if opened.backup is not None:
            window.statusBar().showMessage(
                f"Базу даних оновлено; попередню копію збережено: {opened.backup}", 15000
            )
        window.show()
        errors.install(window)
        if not opened.fully_checked:
            check_integrity_in_background(window, db)
        return event_loop(app), window.switch_to
    finally:
        tasks.wait_for_done()
        opened.close()
