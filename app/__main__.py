"""`python -m app` — the window, or a command (see `python -m app --help`)."""

from app.cli import main

raise SystemExit(main())
