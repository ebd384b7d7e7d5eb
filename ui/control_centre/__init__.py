"""The «Контроль» tab: the control centre across every register (tab.py), its models, reports."""
