"""The SQLite schema and the store object the app and tests share.

State lives in SQLite so that what a user changes (a ticket, a payment, a setting)
survives between calls and, with ``--db FILE``, between runs. Money is integer cents.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from typing import Any, Iterable

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY, login TEXT UNIQUE NOT NULL, password TEXT NOT NULL,
  realname TEXT NOT NULL, email TEXT NOT NULL, phone TEXT NOT NULL,
  totp INTEGER NOT NULL DEFAULT 0, timezone TEXT NOT NULL DEFAULT 'Europe/Amsterdam',
  lang TEXT NOT NULL DEFAULT 'en', atype TEXT NOT NULL DEFAULT 'atany', addr TEXT NOT NULL DEFAULT '',
  sendemail TEXT NOT NULL DEFAULT 'off');
CREATE TABLE IF NOT EXISTS account (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, balance INTEGER NOT NULL, credit INTEGER NOT NULL,
  phone TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS profiles (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, profiletype INTEGER NOT NULL, status INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS pricelists (
  id INTEGER PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, month_price INTEGER NOT NULL,
  periods TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS services (
  id INTEGER PRIMARY KEY, type TEXT NOT NULL, domain TEXT NOT NULL, name TEXT NOT NULL,
  ip TEXT NOT NULL, pricelist_id INTEGER NOT NULL, datacenter TEXT NOT NULL,
  createdate TEXT NOT NULL, expiredate TEXT NOT NULL, autoprolong INTEGER NOT NULL,
  status TEXT NOT NULL, period INTEGER NOT NULL, cost INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS services_type ON services(type, id);
CREATE TABLE IF NOT EXISTS service_history (
  id INTEGER PRIMARY KEY, service_id INTEGER NOT NULL, changedate TEXT NOT NULL,
  desc TEXT NOT NULL, user TEXT NOT NULL, ip TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS service_history_service ON service_history(service_id);
CREATE TABLE IF NOT EXISTS payments (
  id INTEGER PRIMARY KEY, number TEXT NOT NULL, create_date TEXT NOT NULL, paymethod INTEGER NOT NULL,
  amount INTEGER NOT NULL, currency TEXT NOT NULL, status INTEGER NOT NULL, profile_id INTEGER,
  billorder INTEGER);
CREATE INDEX IF NOT EXISTS payments_date ON payments(create_date);
CREATE INDEX IF NOT EXISTS payments_status ON payments(status, id);
CREATE TABLE IF NOT EXISTS orders (
  id INTEGER PRIMARY KEY, cdate TEXT NOT NULL, status TEXT NOT NULL, promocode TEXT NOT NULL DEFAULT '',
  discount_pct INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS order_items (
  id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, pricelist_id INTEGER NOT NULL,
  pricelist_name TEXT NOT NULL, desc TEXT NOT NULL, cost INTEGER NOT NULL, period INTEGER NOT NULL,
  service_id INTEGER, kind TEXT NOT NULL DEFAULT 'new');
CREATE INDEX IF NOT EXISTS order_items_order ON order_items(order_id);
CREATE TABLE IF NOT EXISTS expenses (
  id INTEGER PRIMARY KEY, locale_name TEXT NOT NULL, realdate TEXT NOT NULL, cdate TEXT NOT NULL,
  amount INTEGER NOT NULL, notpayd INTEGER NOT NULL, discountamount INTEGER NOT NULL,
  payments TEXT NOT NULL, taxamount INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS expenses_realdate ON expenses(realdate);
CREATE TABLE IF NOT EXISTS invoices (
  id INTEGER PRIMARY KEY, number TEXT NOT NULL, cdate TEXT NOT NULL, customer TEXT NOT NULL,
  amount INTEGER NOT NULL, currency TEXT NOT NULL, invoice_status INTEGER NOT NULL, sdate TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rewards (
  id INTEGER PRIMARY KEY, cdate TEXT NOT NULL, referal TEXT NOT NULL, services TEXT NOT NULL,
  amount INTEGER NOT NULL, reward INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS clicks (
  id INTEGER PRIMARY KEY, cdate TEXT NOT NULL, ip TEXT NOT NULL, referer TEXT NOT NULL, url TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tickets (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, department INTEGER NOT NULL, item INTEGER,
  tstatus INTEGER NOT NULL, unread INTEGER NOT NULL, archived INTEGER NOT NULL,
  last_message TEXT NOT NULL, waiting_since TEXT);
CREATE TABLE IF NOT EXISTS ticket_messages (
  id INTEGER PRIMARY KEY, ticket_id INTEGER NOT NULL, type TEXT NOT NULL, realname TEXT NOT NULL,
  date_post TEXT NOT NULL, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ticket_messages_ticket ON ticket_messages(ticket_id);
CREATE TABLE IF NOT EXISTS attachments (
  id INTEGER PRIMARY KEY, message_id INTEGER NOT NULL, name TEXT NOT NULL, content_type TEXT NOT NULL,
  data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS notices (
  id INTEGER PRIMARY KEY, grp INTEGER NOT NULL, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notice_groups (id INTEGER PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS subscriptions (
  notice_id INTEGER NOT NULL, channel TEXT NOT NULL, active INTEGER NOT NULL,
  PRIMARY KEY (notice_id, channel));
"""


@dataclass
class Store:
    """The database plus the facts every handler needs (edition, size, today)."""

    db: sqlite3.Connection
    tier: str
    size: str
    today: dt.date

    def one(self, sql: str, args: Iterable[Any] = ()) -> sqlite3.Row | None:
        """First row of a query or None."""
        return self.db.execute(sql, tuple(args)).fetchone()

    def row(self, sql: str, args: Iterable[Any] = ()) -> sqlite3.Row:
        """The row of a query that always has one: an aggregate, the account, the logged-in user."""
        row = self.one(sql, args)
        if row is None:
            # A broken database, not a bad request: a server error, as indexing None was before.
            raise LookupError(f"no row for {sql!r}")
        return row

    def all(self, sql: str, args: Iterable[Any] = ()) -> list[sqlite3.Row]:
        """Every row of a query."""
        return self.db.execute(sql, tuple(args)).fetchall()

    def run(self, sql: str, args: Iterable[Any] = ()) -> int:
        """Execute a write and commit; returns lastrowid (new ids for inserts)."""
        cur = self.db.execute(sql, tuple(args))
        self.db.commit()
        return int(cur.lastrowid or 0)

    def kv(self, key: str, default: str = "") -> str:
        """A loose setting (client options, affiliate choice)."""
        row = self.one("SELECT value FROM kv WHERE key=?", (key,))
        return str(row["value"]) if row else default

    def set_kv(self, key: str, value: str) -> None:
        """Store a loose setting."""
        self.run("INSERT OR REPLACE INTO kv(key, value) VALUES (?, ?)", (key, value))

    def now(self) -> str:
        """Wall-clock time, formatted, on the demo's date (so new rows sort as newest)."""
        clock = dt.datetime.now().time().replace(microsecond=0)
        return dt.datetime.combine(self.today, clock).strftime("%Y-%m-%d %H:%M:%S")


def connect(path: str | None) -> tuple[sqlite3.Connection, bool]:
    """Open (or create) the database; returns the connection and whether it is new."""
    conn = sqlite3.connect(path or ":memory:", check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL" if path else "PRAGMA journal_mode=MEMORY")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.executescript(SCHEMA)
    _migrate(conn)
    fresh = conn.execute("SELECT value FROM meta WHERE key='seeded'").fetchone() is None
    return conn, fresh


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring a database made by an older demo panel (``--db FILE``) up to the schema."""
    columns = {row["name"] for row in conn.execute("PRAGMA table_info(order_items)")}
    if "kind" not in columns:
        # Which cart items renew a service (``renewals.RENEWAL``) and which order a new one.
        conn.execute("ALTER TABLE order_items ADD COLUMN kind TEXT NOT NULL DEFAULT 'new'")
        conn.commit()
