"""``billtui ticket new|reply`` and ``billtui invoice download``: the write-side script commands.

The message comes from ``--message`` or stdin (so ``mail-body | billtui ticket reply 1001``
works); attachments are read before anything is sent, so a missing file fails
before the panel has half a ticket. Invoice PDFs go through ``downloads.save_pdf``, as in
the TUI: only a real PDF (``%PDF-``) is saved, under a safe name ending in ``.pdf``, never
outside the target directory, never overwriting. Anything else is refused: the other
invoices are still saved and listed, and the exit code says something was not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Callable

from billtui.cli.get import _day
from billtui.cli.session import CliError
from billtui.i18n import _, ngettext
from billtui.i18n.formats import number


def add_parsers(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    t = sub.add_parser("ticket", help=_("open a support ticket or reply to one"))
    tsub = t.add_subparsers(dest="ticket_command", metavar="new|reply", required=True)
    new = tsub.add_parser("new", help=_("open a ticket; prints its number"))
    new.add_argument("--subject", required=True)
    new.add_argument("--department", help=_("department name or number (see the error for the list)"))
    reply = tsub.add_parser("reply", help=_("reply to a ticket"))
    reply.add_argument("id", help=_("the ticket number"))
    for p in (new, reply):
        common(p)
        p.add_argument("--message", help=_("the message text (default: read from stdin)"))
        p.add_argument("--attach", action="append", default=[], metavar="FILE",
                       help=_("attach a file (repeatable)"))
        p.set_defaults(run=run_ticket)

    i = sub.add_parser("invoice", help=_("download invoice PDFs"))
    isub = i.add_subparsers(dest="invoice_command", metavar="download", required=True)
    dl = isub.add_parser("download", help=_("save invoice PDFs; prints each file's path"))
    dl.add_argument("ids", nargs="*", metavar="ID", help=_("invoice id(s) or number(s)"))
    dl.add_argument("--since", type=_day, metavar="YYYY-MM-DD",
                    help=_("every invoice dated on or after this day"))
    dl.add_argument("--dir", type=Path, help=_("where to save (default: your downloads folder)"))
    common(dl)
    dl.set_defaults(run=run_invoice)


def _message(args: argparse.Namespace) -> str:
    text = args.message
    if text is None:
        if sys.stdin.isatty():
            print(_("Type the message, then Ctrl-D on an empty line:"), file=sys.stderr)
        text = sys.stdin.read()
    if not text.strip():
        raise CliError(_("the message is empty: give --message TEXT or pipe it on stdin"), code=2)
    return text


def _attachments(paths: list[str]) -> list[tuple[str, bytes]]:
    from billtui.api import assumed

    limit = getattr(assumed, "TICKET_ATTACHMENT_MAX_BYTES", None)
    files = []
    for raw in paths:
        path = Path(raw).expanduser()
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CliError(_("cannot read attachment {file}: {error}").format(file=raw, error=exc.strerror or exc)) \
                from None
        if limit and len(data) > limit:
            raise CliError(_("attachment {file} is {size} bytes; the limit is {limit}").format(
                file=raw, size=number(len(data), 0), limit=number(limit, 0)))
        files.append((path.name, data))
    return files


async def run_ticket(client: Any, args: argparse.Namespace) -> str:
    from billtui.api.calls import support

    files = _attachments(args.attach)
    message = _message(args)
    if args.ticket_command == "reply":
        await support.reply(client, args.id, message, files)
        return _("Replied to ticket {id}.").format(id=args.id) + "\n"
    departments = await support.departments(client)
    wanted = (args.department or "").strip().lower()
    chosen = None
    if wanted:
        chosen = next((d for d in departments if wanted in (str(d.key).lower(), str(d.label).lower())), None)
    elif len(departments) == 1:
        chosen = departments[0]
    if chosen is None:
        names = ", ".join(f"{d.key} {d.label}" for d in departments) or _("none offered")
        if wanted:
            said = _("no department {department} (departments: {names})")
        else:
            said = _("choose a department with --department (departments: {names})")
        raise CliError(said.format(department=repr(args.department), names=names), code=2)
    new_id = await support.create_ticket(client, subject=args.subject, message=message,
                                         department=str(chosen.key), files=files)
    return f"{new_id or ''}\n"


async def run_invoice(client: Any, args: argparse.Namespace) -> str:
    from billtui.api import lists
    from billtui.api.calls import finance
    from billtui.cli.get import _pages
    from billtui.storage.downloads import NotPdf, save_pdf
    from billtui.display.safe import clean

    if not args.ids and not args.since:
        raise CliError(_("name invoice ids, or --since YYYY-MM-DD"), code=2)
    wanted: list[tuple[str, str]] = []  # (id, number)
    invoices = await _pages(client, lists.INVOICES, None) if (args.since or args.ids) else []
    by_key = {}
    for inv in invoices:
        by_key[str(inv.id)] = inv
        by_key.setdefault(str(inv.number), inv)
    for ident in args.ids:
        inv = by_key.get(ident)
        wanted.append((inv.id, inv.number) if inv else (ident, ident))
    if args.since:
        for inv in invoices:
            if inv.created is not None and inv.created >= args.since and all(inv.id != w[0] for w in wanted):
                wanted.append((inv.id, inv.number))
    if not wanted:
        return ""
    out: list[str] = []
    refused: list[str] = []
    for elid, number in wanted:
        name, data = await finance.invoice_pdf(client, elid)
        try:
            path = save_pdf(name, data, directory=args.dir, fallback=f"invoice-{number}.pdf")
        except NotPdf as exc:
            refused.append(_("invoice {number}: {error}").format(number=clean(number), error=exc))
            continue
        out.append(str(path))
    if refused:
        if out:  # what was saved is still listed on stdout; the refusal goes to stderr
            sys.stdout.write("\n".join(out) + "\n")
            sys.stdout.flush()
        raise CliError(ngettext("{refused}; nothing saved for it", "{refused}; nothing saved for them",
                                len(refused)).format(refused="; ".join(refused)))
    return "\n".join(out) + "\n"
