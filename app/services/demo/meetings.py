"""Demo meetings of the executive committee: the membership (the mayor, his deputies, the
manager of affairs and heads of bodies), the plan of the current year, and the last twelve
months' meetings held with agendas, visas, attendance and votes — about five decisions a
meeting, a few rejected or withdrawn, a couple regulatory — and the next meeting's agenda being
collected (drafts still missing visas, one submitted late). Decisions on social aid and postal
addresses send extracts to the citizens named (6.18: certified, within 3 working days, now and
then late); long tasks report monthly or quarterly until their final term (3.4, 9.12). Small on
purpose (≈ 60 decisions): through the services, every rule applies as it would for a clerk."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from app.domain import meetings as rules
from app.domain.dates import format_date
from app.registers import DECISIONS
from app.services import committee, control, documents, interim_reports, meetings, regulatory
from app.services.demo.context import DemoContext
from app.services.demo.data import DEPARTMENTS, LEADERSHIP, MALE_NAMES, SURNAMES
from app.services.details import get_document
from db.models import Staff

MEMBERS_EXTRA = (
    ("Ковальчук Іван Петрович", "Начальник фінансового управління"),
    ("Мельник Тетяна Василівна", "Начальник управління освіти"),
    ("Остапчук Віктор Іванович", "Директор КП «Міськводоканал»"),
    ("Зінчук Галина Степанівна", "Голова ради ветеранів (за згодою)"),
    ("Яремчук Роман Олегович", "Член виконкому (за згодою)"),
)
TITLES = (
    ("03-10", "Про затвердження звіту про виконання бюджету міської територіальної громади", True),
    ("08-02", "Про встановлення тарифів на послуги з вивезення побутових відходів", True),
    ("08-02", "Про затвердження плану благоустрою міста", False),
    ("06-03", "Про організацію оздоровлення та відпочинку дітей", True),
    ("05-01", "Про надання одноразової матеріальної допомоги", True),
    ("11-03", "Про надання статусу дитини, позбавленої батьківського піклування", False),
    ("11-03", "Про затвердження висновку органу опіки та піклування", False),
    ("09-06", "Про присвоєння поштової адреси об'єкту нерухомого майна", False),
    ("13-02", "Про впорядкування місць торгівлі", False),
    ("12-05", "Про затвердження плану заходів цивільного захисту", False),
    ("10-08", "Про проведення святкових заходів", True),
    ("07-04", "Про стан медичного обслуговування населення", False),
    ("04-07", "Про встановлення режиму роботи закладів торгівлі", False),
    ("08-02", "Про квартирний облік громадян", False),
)
REGULATORY = {"Про встановлення тарифів на послуги з вивезення побутових відходів",
              "Про встановлення режиму роботи закладів торгівлі"}  # fmt: skip
ITEMS_PER_MEETING = 5
#: Bodies whose decisions name citizens, who get extracts (6.18), and the point they get.
EXTRACT_POINTS = {
    "05-01": "1. Надати одноразову матеріальну допомогу {who} у розмірі 2000 (дві тисячі) грн.",
    "09-06": "1. Присвоїти об'єкту нерухомого майна, власником якого є {who}, поштову адресу.",
}
MONTHS_HELD = 12


def fill(ctx: DemoContext) -> None:
    """Members, the plan of this year, the meetings held and the next one's agenda."""
    ctx.say("Засідання виконкому: склад, план, порядки денні, голосування, рішення…")
    start = date(ctx.end.year - 2, 1, 1)
    member_ids = [
        committee.save_member(ctx.db, None, f"{s} {g} {p}", pos, start, user=ctx.user)
        for s, g, p, _gender, pos in LEADERSHIP
        if pos != "Секретар міської ради"
    ]
    member_ids += [
        committee.save_member(ctx.db, None, name, pos, start, user=ctx.user)
        for name, pos in MEMBERS_EXTRA
    ]
    mayor = " ".join(LEADERSHIP[0][:3])
    first = ctx.end - timedelta(days=30 * MONTHS_HELD)
    days = sorted(
        d for y in range(first.year, ctx.end.year + 1) for d in rules.year_plan(y)
        if first < d <= ctx.end
    )  # fmt: skip
    meetings.plan_year(ctx.db, ctx.end.year, ctx.user)
    planned = {
        m.day: m.id for y in {d.year for d in days} for m in meetings.list_meetings(ctx.db, y)
    }
    decisions = on_control = 0
    regulatory_items: set[int] = set()
    heads = _heads(ctx)
    for n, day in enumerate(days):
        meeting_id = planned.get(day) or meetings.add_meeting(
            ctx.db, day, extraordinary=False, user=ctx.user
        )
        meetings.update_meeting(ctx.db, meeting_id, chair=mayor, user=ctx.user)
        items = _agenda(ctx, meeting_id, day, True, heads, regulatory_items)
        absent = set(ctx.rng.sample(member_ids[1:], ctx.rng.randint(0, 3)))  # the mayor chairs
        present = [m for m in member_ids if m not in absent]
        meetings.set_attendance(ctx.db, meeting_id, present, ctx.user)
        for i, item_id in enumerate(items):
            if n % 4 == 1 and i == len(items) - 1:
                meetings.withdraw_item(ctx.db, item_id, ctx.user)
                continue
            votes_for = len(present) - ctx.rng.randint(0, 2)
            if n % 5 == 2 and i == 2:
                votes_for = len(member_ids) // 2  # not a majority of the total: rejected
            against = ctx.rng.randint(0, len(present) - votes_for)
            result = meetings.record_vote(ctx.db, item_id, votes_for, against, 0, user=ctx.user)
            if result.decision_id is not None:
                decisions += 1
                regulatory_act = item_id in regulatory_items
                if decisions % 2 == 0 or regulatory_act:  # the others' copies: not in the demo
                    tasks = decisions % 6 == 0
                    on_control += _distribute(ctx, result.decision_id, day, heads, tasks)
        signed = min(day + timedelta(days=ctx.rng.choice((3, 7, 10, 20))), ctx.end)
        if signed < ctx.end - timedelta(days=2):
            meetings.update_meeting(ctx.db, meeting_id, protocol_signed=signed, user=ctx.user)
    upcoming = [m for m in meetings.list_meetings(ctx.db, ctx.end.year) if m.day > ctx.end]
    if upcoming:
        _agenda(ctx, upcoming[0].id, upcoming[0].day, False, heads, set())
    ctx.counts["meetings"] = len(days)
    ctx.counts["decisions"] = decisions
    ctx.counts["decisions.on_control"] = on_control


def _distribute(
    ctx: DemoContext, doc_id: int, day: date, heads: dict[str, str], with_tasks: bool
) -> int:
    """Copies sent to the body that prepared the decision and to the prosecutor (6.18: within
    5 days; now and then later, and the last days' not yet); every sixth decision gives tasks:
    the head of that body executes them by a term on control. Returns 1 when put on control."""
    detail = get_document(ctx.db, doc_id)
    values = dict(detail.values)
    body = str(values.get("department") or "")
    sent = day + timedelta(days=ctx.rng.choice((1, 2, 3, 4, 8)))
    when = format_date(sent) if sent <= ctx.end else ""
    if values.get("regulatory"):  # enters into force two weeks later: its trackings follow
        values["entry_into_force"] = day + timedelta(days=14)
    values["copies_to"] = DECISIONS.field("copies_to").parse(
        f"{body} | {when}; Шепетівська окружна прокуратура | {when}"
    )
    code = next((c for c, name in DEPARTMENTS if name == body), "")
    if code in EXTRACT_POINTS:
        values["extracts"] = _extracts(ctx, code, sent, heads.get("01-12", ""))
    if with_tasks and heads.get(code):
        values["lead_executor"] = heads[code]
    documents.update_document(ctx.db, DECISIONS, doc_id, values, detail.version, ctx.user)
    base_done = day + timedelta(days=7)
    if values.get("regulatory") and base_done <= ctx.end:  # the base tracking, before force
        base = regulatory.trackings(ctx.db, document_id=doc_id, user=ctx.user)[0]
        regulatory.record_tracking(
            ctx.db, base.id, base_done, "звіт оприлюднено на сайті", ctx.user
        )
    if not (with_tasks and heads.get(code)):
        return 0
    days = ctx.rng.choice((30, 60, 90, 180))
    due = control.put_on_control(
        ctx.db, doc_id, day + timedelta(days=days), today=day, user=ctx.user
    )
    done = due - timedelta(days=ctx.rng.randint(0, 5))
    removed = done <= ctx.end and ctx.rng.random() < 0.85  # done on time, mostly
    if days >= 90:  # a long task: reports monthly (90 days) or quarterly (180) until the term
        _reports(ctx, doc_id, day, 1 if days == 90 else 3, done if removed else ctx.end)
    if removed:
        basis = f"Інформація {heads[code]} про виконання від {format_date(done)}"
        manager = f"{LEADERSHIP[5][0]} {LEADERSHIP[5][1][:1]}. {LEADERSHIP[5][2][:1]}."
        control.remove_from_control(ctx.db, doc_id, basis, max(done, day), manager, ctx.user)
    elif due < ctx.end:
        ctx.counts["decisions.overdue"] = ctx.counts.get("decisions.overdue", 0) + 1
    return 1


def _heads(ctx: DemoContext) -> dict[str, str]:
    """The head of each body by its index code, as «Прізвище І. П.»."""
    ids = {code: staff[0] for code, staff in ctx.staff.items() if staff}
    with ctx.db.read() as s:
        rows = s.execute(select(Staff).where(Staff.id.in_(ids.values()))).scalars()
        people = {p.id: f"{p.surname} {p.given_name[:1]}. {p.patronymic[:1]}." for p in rows}
    return {code: people[i] for code, i in ids.items() if i in people}


def _signers(heads: dict[str, str], code: str) -> dict[str, str]:
    def short(person: tuple[str, ...]) -> str:
        return f"{person[0]} {person[1][:1]}. {person[2][:1]}."

    return {
        rules.HEAD: heads.get(code, ""),
        rules.DEPUTY: short(LEADERSHIP[2]),
        rules.LEGAL: heads.get("02-05", ""),
        rules.AFFAIRS: short(LEADERSHIP[5]),
        rules.FINANCE: heads.get("03-10", ""),
    }


def _agenda(
    ctx: DemoContext,
    meeting_id: int,
    day: date,
    complete: bool,
    heads: dict[str, str],
    regulatory_items: set[int],
) -> list[int]:
    """Drafts of one meeting with their visas: all in order for a meeting held; for the next
    one some visas are still missing and one draft came late."""
    names = dict(DEPARTMENTS)
    ids = []
    for k, (code, title, financial) in enumerate(ctx.rng.sample(TITLES, ITEMS_PER_MEETING)):
        late = not complete and k == 0
        submitted = day - timedelta(days=2 if late else ctx.rng.randint(6, 12))
        published = ctx.calendar.add_working_days(day, -ctx.rng.randint(10, 14))
        data = meetings.ItemInput(
            title,
            names[code],
            reporter=heads.get(code, ""),
            submitted=submitted if submitted <= ctx.end else None,
            published=published if published <= ctx.end else None,
            financial=financial,
            regulatory=title in REGULATORY,
        )
        item_id = meetings.save_item(ctx.db, meeting_id, data, user=ctx.user)
        roles = list(rules.required_roles(financial))
        if not complete:
            roles = roles[: ctx.rng.randint(1, len(roles))]
        visa_day = min(submitted - timedelta(days=1), ctx.end)
        signers = _signers(heads, code)
        visas = [
            rules.Visa(
                role,
                signers.get(role, ""),
                visa_day,
                rules.REMARKS if role == rules.LEGAL and ctx.rng.random() < 0.1 else rules.AGREED,
            )
            for role in roles
        ]
        meetings.set_visas(ctx.db, item_id, visas, ctx.user)
        ids.append(item_id)
        if data.regulatory:
            regulatory_items.add(item_id)
    return ids


def _extracts(ctx: DemoContext, code: str, copies_sent: date, certifier: str) -> object:
    """One or two citizens' extracts: certified and sent within 3 working days of the copies,
    now and then later, and those of the last days not yet."""
    rows = []
    for _ in range(ctx.rng.randint(1, 2)):
        who = f"{ctx.rng.choice(SURNAMES)} {ctx.rng.choice(MALE_NAMES)}"
        sent = copies_sent + timedelta(days=ctx.rng.choice((1, 2, 2, 3, 6)))
        shown = format_date(sent) if sent <= ctx.end else ""
        wording = EXTRACT_POINTS[code].format(who=who)
        rows.append(f"{who} | 1 | {wording} | {shown} | {certifier} | {shown}")
    return DECISIONS.field("extracts").parse("; ".join(rows))


def _reports(ctx: DemoContext, doc_id: int, taken: date, months: int, until: date) -> None:
    """The report dates up to the final term, and each report due by `until` given (a day or
    two early): a demo control is overdue only by its final term, as the counts say."""
    dates = interim_reports.periodic(ctx.db, doc_id, months)
    if not dates:
        return
    interim_reports.set_report_dates(ctx.db, doc_id, dates, today=taken, user=ctx.user)
    for due in dates:
        if due >= until:
            break
        given = max(taken, due - timedelta(days=ctx.rng.randint(0, 2)))
        note = f"Інформація про хід виконання станом на {format_date(given)}"
        interim_reports.record_report(ctx.db, doc_id, given, note, user=ctx.user)
    ctx.counts["decisions.interim"] = ctx.counts.get("decisions.interim", 0) + 1
