"""Deterministic demo data, relative to "today" so that "expires next week" stays true.

Seeded once, when the database is new, from ``random.Random(seed)``; the large size
(10,000 payments, 100,000 expenses) is generated with executemany in well under a second.
"""
from __future__ import annotations

import datetime as dt
import json
import random

from .catalog import PAYMETHODS
from .db import Store
from .values import DATE, DATETIME, add_months

TRACEROUTE = b"""traceroute to 203.0.113.10 (203.0.113.10), 30 hops max, 60 byte packets
 1  gw.home.lan (192.168.1.1)  0.512 ms  0.498 ms  0.470 ms
 2  10.20.0.1 (10.20.0.1)  8.120 ms  8.310 ms  8.004 ms
 3  ae1.ams-ix.example.net (198.51.100.7)  12.871 ms  * *
 4  * * *
 5  web-01.demo.example.com (203.0.113.10)  14.002 ms  13.950 ms  14.110 ms
"""
BASHRC = b"# ~/.bashrc from the old server\nalias ll='ls -l'\nexport PATH=$HOME/bin:$PATH\n"

HOSTILE_SUBJECT = "[bold red]Invoice[/] question \x1b[31m"

PRICELISTS = [
    # id, type, name, month price (cents), periods
    (11, "vds", "VDS-1 (1 vCPU, 1 GB RAM, 20 GB SSD)", 500, [1, 3, 6, 12]),
    (12, "vds", "VDS-2 (2 vCPU, 4 GB RAM, 60 GB SSD)", 1200, [1, 3, 6, 12]),
    (13, "vds", "VDS-4 (4 vCPU, 8 GB RAM, 120 GB SSD)", 2400, [1, 3, 6, 12]),
    (21, "vhost", "Hosting Start", 300, [1, 3, 6, 12]),
    (22, "vhost", "Hosting Pro", 750, [1, 3, 6, 12]),
    (31, "domain", ".com domain", 100, [12, 24]),
    (32, "domain", ".net domain", 125, [12, 24]),
    (41, "certificate", "PositiveSSL", 125, [12, 24]),
    (42, "certificate", "PositiveSSL Wildcard", 750, [12, 24]),
    (51, "dedic", "Intel Xeon E-2236, 32 GB, 2x1 TB NVMe", 8900, [1, 3, 6, 12]),
]


def seed(store: Store, rng_seed: int) -> None:
    """Fill a new database."""
    rng = random.Random(rng_seed)
    today = store.today
    db = store.db
    db.executemany(
        "INSERT INTO users(id, login, password, realname, email, phone, totp) VALUES (?,?,?,?,?,?,?)",
        [(7, "demo", "demo", "John Smith", "john.smith@example.com", "+1 555 0100", 0),
         (8, "totp", "totp", "Jane Doe", "jane.doe@example.com", "+1 555 0101", 1)])
    db.execute("INSERT INTO account VALUES (1, 'John Smith', 12450, 0, '+1 555 0100')")
    db.executemany("INSERT INTO profiles VALUES (?,?,?,?)",
                   [(1, "Acme Hosting Ltd", 2, 2), (2, "John Smith", 1, 2)])
    db.executemany("INSERT INTO pricelists VALUES (?,?,?,?,?)",
                   [(i, t, n, p, json.dumps(per)) for i, t, n, p, per in PRICELISTS])
    _services(store, today)
    _payments(store, rng, today, 10_000 if store.size == "large" else 40)
    _expenses(store, rng, today, 100_000 if store.size == "large" else 60)
    _orders(store, today)
    _invoices(store, today)
    _affiliate(store, rng, today)
    _tickets(store, today)
    _notices(store)
    for key, value in {"contactperson": "John Smith", "notify_email": "billing@acme.example.com",
                       "phone": "+1 555 0100", "country": "NL", "affiliate": "1",
                       "affiliate_promocode": "ACME-FRIENDS"}.items():
        db.execute("INSERT INTO kv VALUES (?, ?)", (key, value))
    db.execute("INSERT INTO meta VALUES ('seeded', ?)", (today.isoformat(),))
    db.commit()


def _d(today: dt.date, days: int) -> str:
    return (today + dt.timedelta(days=days)).strftime(DATE)


def _services(store: Store, today: dt.date) -> None:
    rows = [
        # id, type, domain, name, ip, pricelist, dc, created(days), expires(days), autoprolong, status, period, cost
        (101, "vds", "web-01.demo.example.com", "web-01", "203.0.113.10", 12, "1", -400, 45, 1, "2", 1, 1200),
        (102, "vds", "db-01.demo.example.com", "db-01", "203.0.113.11", 13, "2", -200, 5, 0, "2", 1, 2400),
        (103, "vds", "staging.demo.example.com", "staging", "203.0.113.12", 11, "1", -90, 30, 0,
         "3_employeesuspend", 1, 500),
        (104, "vds", "", "new-vm", "", 11, "3", -1, 30, 1, "1", 1, 500),
        (105, "vhost", "example.com", "example.com", "198.51.100.20", 22, "1", -700, 200, 12, "2", 12, 9000),
        (106, "vhost", "blog.example.org", "blog.example.org", "198.51.100.21", 21, "2", -335, 20, 1,
         "5_prolong", 1, 300),
        (107, "domain", "example.com", "example.com", "", 31, "1", -1500, 120, 12, "2", 12, 1200),
        (108, "domain", "old-project.net", "old-project.net", "", 32, "1", -375, -10, 0, "3_autosuspend",
         12, 1500),
        (109, "certificate", "example.com", "PositiveSSL example.com", "", 41, "1", -65, 300, 12, "2", 12, 1500),
        (110, "dedic", "storage-01.demo.example.com", "storage-01", "203.0.113.50", 51, "2", -800, 60, 1,
         "2", 1, 8900),
        (111, "certificate", "shop.example.com", "PositiveSSL shop.example.com", "", 41, "1", -353, 12, 0,
         "2", 12, 1500),
    ]
    store.db.executemany(
        "INSERT INTO services VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(i, t, dom, n, ip, pl, dc, _d(today, c), _d(today, e), ap, st, per, cost)
         for i, t, dom, n, ip, pl, dc, c, e, ap, st, per, cost in rows])
    history = []
    for row in rows:
        sid, created = row[0], row[7]
        history.append((sid, _d(today, created) + " 10:15:00", "Service ordered", "demo", "192.0.2.15"))
        history.append((sid, _d(today, created) + " 10:17:42", "Service activated", "system", ""))
        if row[10] != "1" and created < -30:
            history.append((sid, _d(today, -25) + " 03:00:00", "Service renewed", "system", ""))
    store.db.executemany(
        "INSERT INTO service_history(service_id, changedate, desc, user, ip) VALUES (?,?,?,?,?)", history)


def _payments(store: Store, rng: random.Random, today: dt.date, count: int) -> None:
    start = dt.datetime.combine(today - dt.timedelta(days=365), dt.time(9))
    span = 365 * 86400
    stamps = sorted(start + dt.timedelta(seconds=rng.randrange(span)) for _ in range(count))
    rows = []
    for index, stamp in enumerate(stamps, start=1):
        # every status appears; most payments are credited
        status = index if index <= 7 else rng.choice([4, 4, 4, 4, 4, 2, 6, 1])
        method = rng.choice(list(PAYMETHODS))
        amount = rng.choice([1000, 2000, 2500, 5000, 10000, 15000, 30000]) + rng.choice([0, 0, 50, 99])
        rows.append((index, f"PM-{index:06d}", stamp.strftime(DATETIME), method, amount, "USD", status,
                     1 + index % 2))
    # the newest payment is a new (unpaid) one, so "resume paying" has something to resume
    last = rows[-1]
    rows[-1] = last[:6] + (1,) + last[7:]
    store.db.executemany("INSERT INTO payments(id, number, create_date, paymethod, amount, currency, status,"
                         " profile_id) VALUES (?,?,?,?,?,?,?,?)", rows)


def _expenses(store: Store, rng: random.Random, today: dt.date, count: int) -> None:
    start = today - dt.timedelta(days=365)
    names = ["VDS-2 web-01", "VDS-4 db-01", "VDS-1 staging", "Hosting Pro example.com",
             ".com domain example.com", "PositiveSSL example.com", "Dedicated server storage-01"]
    days = sorted(rng.randrange(365) for _ in range(count))
    rows = []
    for index, offset in enumerate(days, start=1):
        day = start + dt.timedelta(days=offset + 1)
        amount = rng.choice([300, 500, 750, 1200, 1500, 2400, 8900])
        discount = amount // 20 if index % 5 == 0 else 0
        notpayd = amount if index % 17 == 0 else 0
        end = add_months(day, 1)
        rows.append((index, f"{rng.choice(names)} ({day:%Y-%m-%d} - {end:%Y-%m-%d})", day.strftime(DATE),
                     f"{day:%Y-%m-%d} 0{index % 10}:00:00", amount, notpayd, discount,
                     "" if notpayd else f"PM-{1 + index % 40:06d}", amount * 21 // 121))
    store.db.executemany("INSERT INTO expenses VALUES (?,?,?,?,?,?,?,?,?)", rows)


def _orders(store: Store, today: dt.date) -> None:
    db = store.db
    db.executemany("INSERT INTO orders(id, cdate, status) VALUES (?,?,?)", [
        (501, _d(today, -300) + " 12:00:00", "paid"), (502, _d(today, -120) + " 15:30:00", "paid"),
        (503, _d(today, -2) + " 18:05:00", "awaiting")])
    db.executemany("INSERT INTO order_items(order_id, pricelist_id, pricelist_name, desc, cost, period,"
                   " service_id) VALUES (?,?,?,?,?,?,?)", [
        (501, 22, "Hosting Pro", "Hosting Pro example.com, 1 year", 9000, 12, 105),
        (502, 41, "PositiveSSL", "PositiveSSL example.com, 1 year", 1500, 12, 109),
        (503, 11, "VDS-1 (1 vCPU, 1 GB RAM, 20 GB SSD)", "VDS-1 new-vm, 1 month", 500, 1, 104)])


def _invoices(store: Store, today: dt.date) -> None:
    rows = []
    for index in range(1, 13):
        day = add_months(today.replace(day=1), -(12 - index))
        status = 1 if index == 12 else (3 if index == 4 else 2)
        rows.append((index, f"INV-{day:%Y}-{index:04d}", day.strftime(DATE), "Acme Hosting Ltd",
                     2000 + 700 * (index % 5), "USD", status,
                     "" if status != 2 else (day + dt.timedelta(days=3)).strftime(DATE)))
    store.db.executemany("INSERT INTO invoices VALUES (?,?,?,?,?,?,?,?)", rows)


def _affiliate(store: Store, rng: random.Random, today: dt.date) -> None:
    referals = ["alice@example.net", "bob.builder@example.org", "carol@example.com", "dave@example.io"]
    services = ["VDS-2", "Hosting Start", "Hosting Pro", ".com domain", "VDS-4"]
    rows = [(today.strftime(DATE), "alice@example.net", "VDS-2", 12000, 1200)]
    for _ in range(24):
        day = today - dt.timedelta(days=rng.randrange(1, 360))
        amount = rng.choice([1200, 2400, 5000, 9000, 21010])
        rows.append((day.strftime(DATE), rng.choice(referals), rng.choice(services), amount, amount // 10))
    store.db.executemany("INSERT INTO rewards(cdate, referal, services, amount, reward) VALUES (?,?,?,?,?)",
                         rows)
    clicks = []
    for _ in range(30):
        stamp = dt.datetime.combine(today - dt.timedelta(days=rng.randrange(0, 200)), dt.time(rng.randrange(24)))
        clicks.append((stamp.strftime(DATETIME), f"198.51.100.{rng.randrange(2, 250)}",
                       rng.choice(["https://forum.example.net/t/123", "https://blog.example.org/review", ""]),
                       "https://hosting.example.com/?from=demo-7"))
    clicks.sort()
    store.db.executemany("INSERT INTO clicks(cdate, ip, referer, url) VALUES (?,?,?,?)", clicks)


def _tickets(store: Store, today: dt.date) -> None:
    db = store.db
    t = lambda days, hm: _d(today, days) + f" {hm}:00"  # noqa: E731
    support, me = "Anna Petrova (Support)", "John Smith"
    tickets = [
        # id, subject, dept, item, tstatus, unread, archived, waiting_since
        (1001, "SSH connection refused on web-01", 2, 101, 1, 1, 0, None),
        (1002, "Please confirm the transfer of old-project.net", 1, 108, 2, 0, 0, None),
        (1003, HOSTILE_SUBJECT, 1, None, 0, 0, 0, t(0, "08:10")),
        (1004, "Packet loss from Europe to web-01", 2, 101, 1, 0, 0, t(-1, "16:40")),
        (1005, "Restore my shell config from backup", 2, 103, 0, 0, 0, t(0, "07:55")),
        (1006, "Invoice for March in EUR", 1, None, 3, 0, 1, None),
        (1007, "How to add a PTR record", 2, 101, 3, 0, 1, None),
        (1008, "Upgrade VDS-1 to VDS-2", 3, 103, 3, 0, 1, None),
    ]
    messages = [
        # id, ticket, type, realname, date, body
        (5001, 1001, "outcoming", me, t(-1, "09:12"), "Since this morning ssh to 203.0.113.10 says\n"
         "'Connection refused'. Nothing changed on my side."),
        (5002, 1001, "incoming", support, t(0, "06:30"), "Hello John,\nsshd was stopped after an "
         "automatic update. We restarted it; please check and let us know."),
        (5003, 1002, "outcoming", me, t(-6, "11:00"), "I want to move old-project.net to another registrar."),
        (5004, 1002, "incoming", support, t(-5, "14:20"), "Please confirm that you requested the transfer "
         "by replying to this ticket. The auth code will be sent to the domain's contact email."),
        (5005, 1003, "outcoming", me, t(0, "08:10"), "[link=https://evil.example]click[/link] \x1b[2J"
         "Why was I charged twice?"),
        (5006, 1004, "outcoming", me, t(-1, "16:40"), "About 30% packet loss at hop 4, traceroute attached."),
        (5007, 1004, "info", "System", t(-1, "16:41"), "The ticket was assigned to Technical support."),
        (5008, 1005, "outcoming", me, t(0, "07:55"), "Please restore this file from yesterday's backup."),
        (5009, 1006, "outcoming", me, t(-90, "10:00"), "Could you issue the March invoice in EUR?"),
        (5010, 1006, "incoming", support, t(-89, "09:00"), "Done, you can find it under Invoices."),
        (5011, 1007, "outcoming", me, t(-60, "13:00"), "How do I add a PTR record for 203.0.113.10?"),
        (5012, 1007, "incoming", support, t(-60, "15:00"), "Open the service and use the 'IP addresses' page."),
        (5013, 1008, "outcoming", me, t(-30, "09:30"), "Please upgrade staging to VDS-2."),
        (5014, 1008, "incoming", support, t(-30, "10:00"), "Done. The new tariff applies from today."),
    ]
    last = {tid: max(m[4] for m in messages if m[1] == tid) for tid, *_ in tickets}
    db.executemany("INSERT INTO tickets VALUES (?,?,?,?,?,?,?,?,?)",
                   [(i, s, d, it, ts, u, a, last[i], w) for i, s, d, it, ts, u, a, w in tickets])
    db.executemany("INSERT INTO ticket_messages VALUES (?,?,?,?,?,?)", messages)
    db.executemany("INSERT INTO attachments VALUES (?,?,?,?,?)", [
        (9001, 5006, "traceroute.txt", "text/plain", TRACEROUTE),
        (9002, 5008, "../../.bashrc", "text/plain", BASHRC)])


def _notices(store: Store) -> None:
    db = store.db
    db.executemany("INSERT INTO notice_groups VALUES (?,?,?)", [
        (1, "finance", "Finances"), (2, "service", "Services"), (3, "support", "Support tickets"),
        (4, "news", "News and promotions")])
    notices = [(11, 1, "Payment received"), (12, 1, "Low balance"), (13, 1, "New invoice"),
               (21, 2, "Service expires soon"), (22, 2, "Service suspended"), (23, 2, "Service activated"),
               (31, 3, "Reply to a ticket"), (41, 4, "Newsletter")]
    db.executemany("INSERT INTO notices VALUES (?,?,?)", notices)
    subs = []
    for nid, grp, _ in notices:
        for channel in ("email", "sms", "telegram", "panel"):
            on = channel in ("email", "panel") and grp != 4 or (channel == "telegram" and nid == 31)
            subs.append((nid, channel, 1 if on else 0))
    db.executemany("INSERT INTO subscriptions VALUES (?,?,?)", subs)
