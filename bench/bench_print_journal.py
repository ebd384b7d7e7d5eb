"""How long a 1,000-row register takes to print (target: under 1 s).

Run: ``python bench/bench_print_journal.py [rows]``. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import io
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.printing.data import JournalColumn, JournalData

CORRESPONDENTS = [
    "Головне управління Державної податкової служби у Хмельницькій області",
    "Хмельницька обласна військова адміністрація",
    "Шепетівська районна державна адміністрація",
    "ТОВ «Шепетівкатеплокомуненерго»",
    "Управління соціального захисту населення Шепетівської міської ради",
    "Головне управління Пенсійного фонду України в Хмельницькій області",
    "КП «Шепетівська житлово-експлуатаційна контора»",
    "Мельник Іван Іванович, вул. Героїв Небесної Сотні, 12, кв. 4",
    "Прокуратура Хмельницької області",
    "Державна служба України з надзвичайних ситуацій",
]
SUMMARIES = [
    "Про надання інформації щодо стану погашення податкового боргу комунальними підприємствами "
    "міської ради станом на 01.03.2026 та заходів, вжитих для його зменшення, з розбивкою за "
    "видами платежів і строками виникнення заборгованості",
    "Про проведення інвентаризації захисних споруд цивільного захисту",
    "Щодо надання дозволу на розроблення проєкту землеустрою щодо відведення земельної ділянки "
    "у власність для будівництва і обслуговування житлового будинку, господарських будівель і "
    "споруд (присадибна ділянка) орієнтовною площею 0,10 га",
    "Про підготовку до відзначення Дня Незалежності України",
    "Про надання копій рішень виконавчого комітету",
    "Щодо ремонту покрівлі багатоквартирного житлового будинку по вул. Судилківській, 27",
    "Про виконання Програми соціально-економічного розвитку громади за 2025 рік та стан "
    "використання коштів субвенції з державного бюджету на здійснення заходів щодо "
    "соціально-економічного розвитку окремих територій",
]
EXECUTORS = [
    "Коваль О. П.",
    "Мельнику І. І.",
    "Шевчук Г. М.",
    "Бондаренку В. С.",
    "Ткачук Л. А.",
    "Савчуку Р. В.",
]
COLUMNS = [
    JournalColumn("Реєстр. індекс", 0.8, "center"),
    JournalColumn("Дата надходження", 0.95, "center"),
    JournalColumn("Кореспондент", 2.0),
    JournalColumn("Дата та індекс документа", 1.0, "center"),
    JournalColumn("Короткий зміст", 3.2),
    JournalColumn("Резолюція або кому надіслано", 1.8),
    JournalColumn("Термін виконання", 0.8, "center"),
    JournalColumn("Відмітка про виконання", 1.4),
]


def sample_journal(rows: int, seed: int = 2026) -> JournalData:
    rnd = random.Random(seed)
    start = date(2026, 1, 2)
    data = []
    for i in range(1, rows + 1):
        day = start + timedelta(days=(i - 1) * 88 // max(rows, 1))
        executors = rnd.sample(EXECUTORS, rnd.randint(1, 3))
        done = rnd.random() < 0.6
        data.append(
            [
                f"{i}/01-12",
                day.strftime("%d.%m.%Y"),
                rnd.choice(CORRESPONDENTS),
                f"{(day - timedelta(days=3)).strftime('%d.%m.%Y')}\n№ {rnd.randint(10, 9999)}/"
                f"{rnd.randint(1, 40):02d}",
                rnd.choice(SUMMARIES),
                " ".join([", ".join(executors), "Розглянути, підготувати відповідь"]),
                (day + timedelta(days=30)).strftime("%d.%m.%Y"),
                f"Відповідь від {(day + timedelta(days=20)).strftime('%d.%m.%Y')} № {i + 200}/01-15"
                if done
                else "",
            ]
        )
    return JournalData(
        title="Журнал реєстрації вхідних документів",
        organisation="Виконавчий комітет Шепетівської міської ради",
        period_from=date(2026, 1, 1),
        period_to=date(2026, 3, 31),
        columns=COLUMNS,
        rows=data,
    )


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    data = sample_journal(rows)
    from app.printing.journal import print_journal

    print_journal(sample_journal(5), io.BytesIO())  # fonts and imports, not measured
    runs = []
    for _ in range(3):
        buffer = io.BytesIO()
        t0 = time.perf_counter()
        print_journal(data, buffer)
        runs.append(time.perf_counter() - t0)
    print(
        f"{rows} rows: best {min(runs):.2f} s, worst {max(runs):.2f} s "
        f"({len(buffer.getvalue()) // 1024} KiB)"
    )


if __name__ == "__main__":
    main()
