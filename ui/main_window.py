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
import weakref
from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
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
from ui.local_settings import settings
from ui.overdue_timer import OverdueMonitor
from ui.registers import registry, scan
from ui.registers.register_tab import URGENT_LEGEND, RegisterTab
from ui.registers.registry import TabEntry

if TYPE_CHECKING:
    from app.domain.roles import Actor
    from ui.control_centre.tab import ControlCentreTab

APP_TITLE = "Діловод"
ORGANISATION = "Dilovod"
TRAY_LIST_LIMIT = 5
CONTROL_TITLE = "Контроль"


CONTROL_CODE = "control"


class _Unbuilt(QWidget):
    """A tab not built yet: its place and title in the bar until it is first shown (or asked
    for), so the window starts with only the tab on screen built."""

    def __init__(self, code: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.code = code


class LazyTabs(Mapping[str, Any]):
    """Tabs by register code, each built when first asked for: `tabs["orders"]` builds the
    orders' tab (in its place in the bar) if it was not built yet. The window keeps two: the
    register tabs (`RegisterTab`) and the other tabs an entry may build (the executive
    committee's meetings); asking one for a code whose tab is of the other kind is a KeyError.
    Iterating builds every tab to know its kind (tests, callers outside the window); the window
    itself walks `built()` — a tab built later starts fresh anyway."""

    def __init__(self, window: MainWindow, registers: bool) -> None:
        # A weak reference: the window owns this mapping, not the other way round (a cycle
        # kept a closed window's Python object alive after Qt deleted the window).
        self._window = weakref.ref(window)
        self._entries = window.tab_entries
        self._registers = registers
        self._built: dict[str, Any] = {}

    def _fits(self, tab: QWidget) -> bool:
        return isinstance(tab, RegisterTab) == self._registers

    def __getitem__(self, code: str) -> Any:
        built = self._built.get(code)
        if built is not None:
            return built
        window = self._window()
        if window is None or code not in self._entries:
            raise KeyError(code)
        tab = window._build_tab(code)
        if not self._fits(tab):
            raise KeyError(code)
        return tab

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    def __iter__(self) -> Iterator[str]:
        return iter([code for code in list(self._entries) if code in self])

    def __len__(self) -> int:
        return len(list(iter(self)))

    def built(self) -> dict[str, Any]:
        return dict(self._built)


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
        self.tab_entries: dict[str, TabEntry] = {}
        self.register_tabs = LazyTabs(self, registers=True)
        # Tabs that are no register's journal (the executive committee's meetings): shown, hidden
        # by the roles, told of changes (`set_read_only`, `refresh_in_place` when they have them).
        self.other_tabs = LazyTabs(self, registers=False)
        self._unbuilt: dict[str, _Unbuilt] = {}
        self._control_tab: ControlCentreTab | None = None
        self._actor: Actor | None = None
        self._sees_control = False  # set by the roles (_hide_what_the_roles_forbid)
        self.monitor = OverdueMonitor(db, self)
        # First in the bar, before the registers: what is overdue, across all of them. Every
        # tab is built when first shown (ui/registers/registry.py's entries build any tab).
        self._unbuilt[CONTROL_CODE] = _Unbuilt(CONTROL_CODE, self.tabs)
        self.tabs.addTab(self._unbuilt[CONTROL_CODE], CONTROL_TITLE)
        for entry in registry.entries():  # every register's tab, from the registry
            self.tab_entries[entry.code] = entry
            self._unbuilt[entry.code] = _Unbuilt(entry.code, self.tabs)
            self.tabs.addTab(self._unbuilt[entry.code], entry.title)
        self.tabs.currentChanged.connect(self._on_tab_shown)
        self.setCentralWidget(self.tabs)
        self.backups = BackupController(self, db)
        self.backups.restore_starting.connect(self._on_restore_starting)
        self.backups.restored.connect(self._on_restored)
        self._build_menus()
        self._hide_what_the_roles_forbid()
        self.overdue_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.overdue_label)
        self.overdue_label.setVisible(self._sees_control)
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
        self._background_started = False
        self._start_background_after_first_page()

    def _start_background_after_first_page(self) -> None:
        """The overdue scan, the daily backup's check and the change watcher start once the
        tab on screen has its first page of rows (or at once when it loads none): on a 2-core
        office PC they would otherwise share the first second with that page and the clerk
        would wait for both. A page that fails to load starts them too."""
        tab = self.current_tab()
        if tab is None or not tab.model.loading:
            self._start_background()
            return
        tab.model.loaded.connect(self._on_first_page)
        tab.model.load_failed.connect(self._on_first_page_failed)

    def _on_first_page(self) -> None:
        # After the rows are painted (the paint is posted; a zero timer runs after it): the
        # background loads SQLAlchemy, which the first screen did not need (FirstScreenView).
        QTimer.singleShot(0, self, self._start_background)

    def _on_first_page_failed(self, _message: str) -> None:
        self._start_background()  # (a bound method: a lambda would keep the window alive)

    def _start_background(self) -> None:
        if self._background_started:
            return
        self._background_started = True
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
        from app.services.signed_in import current_user

        actor = current_user()
        self._actor = actor
        for code, entry in self.tab_entries.items():
            self.tabs.setTabVisible(self.tab_index(code), entry.may_see(actor))
        for code, tab in {**self.register_tabs.built(), **self.other_tabs.built()}.items():
            self._hide_forbidden_actions(code, tab)
        # the control centre (and the overdue counts) hold only the registers the user may
        # read: whoever may read none of them has nothing there
        from app.registers import personnel  # the rights, without HR's services
        from app.reports.access import may_take_reports

        self._sees_control = may_take_reports(actor)
        # HR's reminders have their own section there (ui/control_centre/hr_section.py)
        centre = self._sees_control or personnel.may_read(actor)
        self.tabs.setTabVisible(self.tab_index(CONTROL_CODE), centre)
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

    def _hide_forbidden_actions(self, code: str, tab: QWidget) -> None:
        """A register the user may only read: its tab offers no write action (another kind of
        tab is made read-only when it can be)."""
        if self._actor is None or self.tab_entries[code].may_change(self._actor):
            return
        if not isinstance(tab, RegisterTab):
            set_read_only = getattr(tab, "set_read_only", None)
            if set_read_only is not None:
                set_read_only(True)
            return
        acts = tab.document_actions
        hidden = [tab.register_action, *acts.control_actions, acts.send_action, acts.cancel_action]
        for action in hidden:
            if action is not None:
                action.setVisible(False)

    # --- tabs built when first shown ---------------------------------------------------------

    def tab_index(self, code: str) -> int:
        """Where the tab of `code` (a register's code or CONTROL_CODE) is in the bar, built
        or not."""
        holder = self._unbuilt.get(code)
        if holder is not None:
            return self.tabs.indexOf(holder)
        if code == CONTROL_CODE:
            return self.tabs.indexOf(self.control_tab)
        built = {**self.register_tabs.built(), **self.other_tabs.built()}
        return self.tabs.indexOf(built[code])

    @property
    def control_tab(self) -> ControlCentreTab:
        """The control centre's tab, built on first use (it reads its counts when shown)."""
        if self._control_tab is None:
            from ui.control_centre.tab import ControlCentreTab

            tab = ControlCentreTab(self.db, self.tabs)
            tab.reveal_requested.connect(self._on_reveal)
            tab.person_requested.connect(self._on_person)
            self.monitor.summary_changed.connect(tab.schedule_refresh)
            self._control_tab = tab
            self._put_in_place(CONTROL_CODE, tab)
        return self._control_tab

    def _build_tab(self, code: str) -> QWidget:
        """The tab of `code`, built from its registry entry (any widget an entry builds) and
        put in its placeholder's place if not built yet (KeyError for a code the registry does
        not know)."""
        built = self.register_tabs._built.get(code) or self.other_tabs._built.get(code)
        if built is not None:
            return built  # type: ignore[no-any-return]
        entry = self.tab_entries[code]
        tab = entry.build(self.db, self.tabs)
        if isinstance(tab, RegisterTab):
            tab.changed.connect(self.monitor.request_check)
            tab.reveal_requested.connect(self._on_reveal)  # a scanned QR code (scan.py)
            self.register_tabs._built[code] = tab
            tab.restore_state(settings())
        else:
            self.other_tabs._built[code] = tab
            changed = getattr(tab, "changed", None)
            if changed is not None:
                changed.connect(self.monitor.request_check)
        self._hide_forbidden_actions(code, tab)
        self._put_in_place(code, tab)
        summary = self.monitor.summary
        if summary is not None and isinstance(tab, RegisterTab):
            self._title_tab(self.tabs.indexOf(tab), entry.title, summary.by_register.get(code, 0))
        return tab

    def _put_in_place(self, code: str, tab: QWidget) -> None:
        """Swap the placeholder of `code` for the built tab: same place, title, tip, colour
        and visibility; the current tab stays current."""
        holder = self._unbuilt.pop(code)
        index = self.tabs.indexOf(holder)
        bar = self.tabs.tabBar()
        text, tip = self.tabs.tabText(index), self.tabs.tabToolTip(index)
        color, visible = bar.tabTextColor(index), self.tabs.isTabVisible(index)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, text)
            self.tabs.setTabToolTip(index, tip)
            bar.setTabTextColor(index, color)
            self.tabs.setTabVisible(index, visible)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        holder.deleteLater()

    def _on_tab_shown(self, index: int) -> None:
        holder = self.tabs.widget(index)
        if not isinstance(holder, _Unbuilt):
            return
        if holder.code == CONTROL_CODE:
            self.control_tab  # noqa: B018 - builds it
        else:
            self._build_tab(holder.code)

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
        tabs = {**self.register_tabs.built(), **self.other_tabs.built()}
        codes = [code for code, tab in tabs.items() if tab is current]
        centre = current is not None and current is self._control_tab
        open_help(self, "control" if centre else next(iter(codes), None))

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
        for tab in self.register_tabs.built().values():  # the others are read when built
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
        for code, tab in self.register_tabs.built().items():
            if not registers or code in registers:
                tab.refresh_in_place()
        for code, other in self.other_tabs.built().items():
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
            elif isinstance(tab, _Unbuilt) and tab.code in self.tab_entries:
                if tab.code in REGISTERS or tab.code in summary.by_register:
                    title = self.tab_entries[tab.code].title
                    self._title_tab(i, title, summary.by_register.get(tab.code, 0))
            elif tab is self._control_tab or isinstance(tab, _Unbuilt):
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
        first = next((code for code in self.tab_entries if code in REGISTERS), None)
        tab = self.current_tab() or (self.register_tabs[first] if first else None)
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

    def _on_person(self, staff_id: int) -> None:
        """The control centre's HR reminder: the person's card, over the centre (the personnel
        tab's card, so it saves and refreshes as there); the reminders are read again after."""
        from app.registers.personnel import PERSONNEL

        entry = self.tab_entries.get(PERSONNEL.code)
        if entry is None or self._actor is None or not entry.may_see(self._actor):
            self.statusBar().showMessage("Особові справи недоступні", 5000)
            return
        tab = self._build_tab(PERSONNEL.code)
        tab.open_card(staff_id)  # type: ignore[attr-defined]
        if self._control_tab is not None:
            self._control_tab.refresh()

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
        # The tab left open last time; on a first start, the first register (where mail is
        # registered every morning), not the control centre in front of it. Only it is built
        # now (each tab restores its own columns when built).
        first = self.tab_index(next(iter(self.tab_entries), CONTROL_CODE))
        self.tabs.setCurrentIndex(int(str(store.value("main/tab", first) or first)))
        self._on_tab_shown(self.tabs.currentIndex())

    def save_state(self) -> None:
        store = settings()
        store.setValue("main/geometry", self.saveGeometry())
        store.setValue("main/tab", self.tabs.currentIndex())
        for tab in self.register_tabs.built().values():  # the others keep what they had
            tab.save_state(store)
        store.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.monitor.stop()
        self.watcher.stop()
        if self.tray is not None:
            self.tray.hide()
        self.hide()  # gone at once; what is left (the copy on exit) shows a note of its own
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
    from ui.garbage import collect_on_gui_thread

    file_dialogs.install(app)  # what qtbase_uk.qm leaves in English («Look in:», «Folder»)
    collect_on_gui_thread(app)  # a widget freed by a worker's collection crashes the program
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
        from app.services.signed_in import asks_for_login
        from app.services.signed_in import sign_in as remember

        actor: Actor | bool | None = None
        if asks_for_login(db):
            # The password takes the clerk seconds to type: the database layer loads meanwhile
            # (the login itself and everything after it need it).
            from db.session import preload

            preload()
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
