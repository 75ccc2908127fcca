"""Support tickets: departments, new tickets with files, threads, replies, archive, ratings.

Every call here is sent the way the production customer panel sends it
(Karantir-dev/billing-typescript src/Redux/support/supportOperations.js); the evidence per call is in
``assumed.py`` under "evidence: support".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .. import assumed, models
from ..client import BillClient
from ..parser import Option
from ._util import Files, ids, upload_fields


async def ticket_form(client: BillClient) -> models.FormData:
    """The new-ticket form: ``options["client_department"]`` and ``options["ticket_item"]``."""
    return models.FormData.from_doc(await client.call("clientticket.edit"))


async def departments(client: BillClient) -> list[Option]:
    return (await ticket_form(client)).options.get("client_department", [])


async def create_ticket(client: BillClient, *, subject: str, message: str, department: str,
                        item: str = "", files: Files = ()) -> str | None:
    """Open a ticket; returns its id."""
    doc = await client.call("clientticket.edit", write=True, files=upload_fields(files), sok="ok",
                            subject=subject, message=message, client_department=department,
                            ticket_item=item or None)
    return doc.new_id


async def thread(client: BillClient, elid: str) -> models.TicketThread:
    return models.TicketThread.from_doc(await client.call("clientticket.edit", elid=elid), id=elid)


async def reply(client: BillClient, elid: str, message: str, files: Files = ()) -> None:
    await client.call("clientticket.edit", write=True, files=upload_fields(files), elid=elid, sok="ok",
                      message=message)


async def archive(client: BillClient, elid: str | Iterable[str]) -> None:
    """Move tickets to the archive (how a customer closes them). Sent for any ticket: the panel
    decides, and a refusal comes back as its error (production joins several ids with ", ")."""
    await client.call("clientticket.archive", write=True, elid=ids(elid), sok="ok")


async def restore(client: BillClient, elid: str | Iterable[str]) -> None:
    """Back to the open tickets. The function name is unproven (``assumed.TICKET_RESTORE_FUNC``)."""
    await client.call(assumed.TICKET_RESTORE_FUNC, write=True, elid=ids(elid), sok="ok")


async def rate(client: BillClient, ticket_id: str, message_id: str, good: bool) -> None:
    """Rate a support reply: ``ticket.message.rate.good|bad&elid=MESSAGE&plid=TICKET`` (setRate)."""
    func = assumed.TICKET_RATE_FUNC_PREFIX + (assumed.TICKET_RATE_GOOD if good else assumed.TICKET_RATE_BAD)
    await client.call(func, write=True, elid=message_id, plid=ticket_id)


async def attachment(client: BillClient, attachment_id: str,
                     progress: Callable[[int, int | None], None] | None = None) -> tuple[str | None, bytes]:
    return await client.download("ticket.file", progress=progress, elid=attachment_id)


__all__ = ["ticket_form", "departments", "create_ticket", "thread", "reply", "archive", "restore", "rate",
           "attachment"]
