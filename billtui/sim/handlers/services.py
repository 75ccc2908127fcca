"""Services: one list per product type, its forms, ordering, renewal and history."""
from __future__ import annotations

import json
import re
from typing import Callable

from ..catalog import (DATACENTERS, OSTEMPLATES, SERVICE_STATUS, SERVICE_SUBSTATUS, SERVICE_TYPES,
                       VDS_ADDONS)
from ..context import Ctx, Doc
from ..doc import cell, form, ok, slist, sublist, t
from ..errors import ApiError, missed_field, not_found, value_error
from ..listing import Column, FilterSpec, ListSpec, Where, filter_handler, run_list
from ..values import DATE, money, period_label
from ..renewals import RENEWAL, extend, new_expiry, record_history
from .basket import add_item

DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.I)
NEEDS_DOMAIN = ("vhost", "domain", "certificate")
PANEL_URL = "https://{host}/manager?func=auth&key=demo-{id}"


#: The key of the "off" auto-renewal option, as real panels spell it (the production customer panel
#: sends ``autoprolong=null``: dedicOperations.js, vds/EditModal.jsx).
AUTOPROLONG_OFF = "null"


def status_cell(raw: str, ctx: Ctx) -> dict:
    """``{"$orig": "3_autosuspend", "$": "Suspended (expired)"}``: the ``item_status`` cell, its
    text in the call's language (the code is the same in all)."""
    return cell(ctx.tr(SERVICE_SUBSTATUS.get(raw, SERVICE_STATUS.get(raw.split("_")[0], raw))), raw)


def autoprolong_cell(months: int, ctx: Ctx) -> dict:
    """Auto-renewal as period text with ``$orig`` months (a row has no such cell when it is off)."""
    return cell(ctx.period(months), months)


def _datacenters(ctx: Ctx) -> list[tuple[str, str]]:
    return [(key, ctx.tr(name)) for key, name in DATACENTERS.items()]


def _pricelist(ctx: Ctx, pid: int | str):
    return ctx.store.one("SELECT * FROM pricelists WHERE id=?", (pid,))


def periods_of(pricelist) -> list[int]:
    """The periods a tariff can be bought for, in months."""
    return [int(p) for p in json.loads(pricelist["periods"])]


def _render(row, ctx: Ctx) -> dict:
    pricelist = _pricelist(ctx, row["pricelist_id"])
    return {"id": t(row["id"]), "domain": t(row["domain"]), "name": t(row["name"]), "ip": t(row["ip"]),
            "pricelist": t(ctx.tr(pricelist["name"]) if pricelist else ""),
            "datacentername": t(ctx.tr(DATACENTERS.get(row["datacenter"], ""))),
            "createdate": t(row["createdate"]), "expiredate": t(row["expiredate"]),
            # Real rows: status.$ is the bare code, item_status the detailed one with its text
            # (VDSItem.jsx, ServerState.jsx); autoprolong only when it is on (ServerState.jsx).
            **({"autoprolong": autoprolong_cell(row["autoprolong"], ctx)} if row["autoprolong"] else {}),
            "status": t(row["status"].split("_")[0]), "item_status": status_cell(row["status"], ctx),
            "cost": t(f"{money(row['cost'])} / {ctx.period(row['period'])}")}


def _where(values: dict[str, str], _ctx: Ctx) -> Where:
    clauses, args = [], []
    if values.get("name"):
        clauses.append("(name LIKE ? OR domain LIKE ? OR ip LIKE ?)")
        args += [f"%{values['name']}%"] * 3
    if values.get("status"):
        clauses.append("(status = ? OR status LIKE ?)")
        args += [values["status"], values["status"] + "_%"]
    return clauses, args


def list_spec(kind: str) -> ListSpec:
    """The list of one product type."""
    return ListSpec(
        func=kind, title=SERVICE_TYPES[kind], source="services",
        columns=[Column("id", "Id", "id", "digit"), Column("domain", "Domain", "domain"),
                 Column("name", "Name", "name"), Column("ip", "IP address", "ip"),
                 Column("pricelist", "Tariff", "pricelist_id"),
                 Column("datacentername", "Data center", "datacenter"),
                 Column("createdate", "Created", "createdate", "date"),
                 Column("expiredate", "Expires", "expiredate", "date"),
                 Column("autoprolong", "Auto renewal", "autoprolong", "digit"),
                 Column("status", "Status", "status"), Column("item_status", "State", "status"),
                 Column("cost", "Cost", "cost", "digit")],
        render=_render, default_sort="id",
        toolbar=[("new", f"{kind}.order.pricelist"), ("edit", f"{kind}.edit"), ("delete", f"{kind}.delete"),
                 ("prolong", "service.prolong"), ("history", "service.history"),
                 ("instruction", "service.instruction.html"), ("gotoserver", "gotoserver")],
        filter=FilterSpec(fields={"name": "", "status": ""},
                          options={"status": [("", "Any")] + list(SERVICE_STATUS.items())},
                          where=_where))


def service(ctx: Ctx, elid: str, kind: str | None = None):
    """A listed service of this customer, or a ``missed`` error."""
    row = ctx.store.one("SELECT * FROM services WHERE id=? AND status != '4'", (elid,)) if elid.isdigit() else None
    if row is None or (kind is not None and row["type"] != kind):
        raise not_found("elid", elid)
    return row


def _autoprolong_choices(periods: list[int], ctx: Ctx) -> list[tuple[str, str]]:
    """``slist autoprolong``: "off" is the key ``null``, then one option per period."""
    return [(AUTOPROLONG_OFF, ctx.tr("Disabled"))] + [(str(p), ctx.period(p)) for p in periods]


def _autoprolong_options(ctx: Ctx, row) -> list[tuple[str, str]]:
    return _autoprolong_choices(periods_of(_pricelist(ctx, row["pricelist_id"])), ctx)


def make_edit(kind: str) -> Callable[[Ctx], Doc]:
    """``T.edit``: view a service, or change its auto-renewal."""
    def edit(ctx: Ctx) -> Doc:
        row = service(ctx, ctx.p("elid"), kind)
        options = _autoprolong_options(ctx, row)
        if ctx.sok:
            # Only the keys the form offers: "off" is ``null``; a client sending "off" is refused, as
            # a real panel refuses a value that is not in its list.
            wanted = ctx.p("autoprolong", AUTOPROLONG_OFF) or AUTOPROLONG_OFF
            if wanted not in dict(options):
                raise value_error("autoprolong", "Auto renewal", wanted)
            ctx.store.run("UPDATE services SET autoprolong=? WHERE id=?",
                          (0 if wanted == AUTOPROLONG_OFF else int(wanted), row["id"]))
            _history(ctx, row["id"], "Auto renewal turned off" if wanted == AUTOPROLONG_OFF
                     else f"Auto renewal set to {period_label(int(wanted))}")
            return ok()
        pricelist = _pricelist(ctx, row["pricelist_id"])
        return form(ctx.func, {
            "elid": row["id"], "id": row["id"], "name": row["name"], "domain": row["domain"], "ip": row["ip"],
            "pricelist": ctx.tr(pricelist["name"]), "datacentername": ctx.tr(DATACENTERS.get(row["datacenter"], "")),
            "createdate": row["createdate"], "expiredate": row["expiredate"],
            "autoprolong": str(row["autoprolong"]) if row["autoprolong"] else AUTOPROLONG_OFF,
            "status": ctx.tr(SERVICE_STATUS.get(row["status"].split("_")[0], ""))},
            slists=[slist("autoprolong", options)], messages={"autoprolong": "Auto renewal"})
    return edit


def make_delete(kind: str) -> Callable[[Ctx], Doc]:
    """``T.delete``: mark services deleted (they stop being listed)."""
    def delete(ctx: Ctx) -> Doc:
        if not ctx.elids:
            raise missed_field("elid", "Service")
        rows = [service(ctx, elid, kind) for elid in ctx.elids]
        for row in rows:
            ctx.store.run("UPDATE services SET status='4' WHERE id=?", (row["id"],))
            _history(ctx, row["id"], "Service deleted by customer")
        return ok()
    return delete


def _tariff_desc(name: str) -> str:
    """``NAME | feature | feature``, as real ``tariflist`` rows write ``desc`` (TarifCard.jsx)."""
    if " (" in name and name.endswith(")"):
        head, rest = name[:-1].split(" (", 1)
        return " | ".join([head] + [part.strip() for part in rest.split(",")])
    return name


def make_pricelist(kind: str) -> Callable[[Ctx], Doc]:
    """``T.order.pricelist``: the tariffs on sale for one period, in the real shape — rows of
    ``list[$name=tariflist]`` with ``pricelist``, ``desc``, ``price`` (for the period asked) and
    ``order_available``; the periods in ``slist period`` (vhostOperations.js ``orderVhost``).
    With ``pricelist`` and ``sok`` (``snext=ok``) it is the next step: the tariff's order form
    (vdsOperations.js ``getTariffParameters``, dnsOperations.js ``getParameters``)."""
    def pricelist(ctx: Ctx) -> Doc:
        if ctx.sok and ctx.p("pricelist"):
            return make_param(kind)(ctx, view=True)
        rows = ctx.store.all("SELECT * FROM pricelists WHERE type=? ORDER BY id", (kind,))
        all_periods: list[int] = []
        for row in rows:
            all_periods += [p for p in periods_of(row) if p not in all_periods]
        all_periods.sort()
        period_text = ctx.p("period") or (str(all_periods[0]) if all_periods else "1")
        if not period_text.lstrip("-").isdigit() or (all_periods and int(period_text) not in all_periods):
            raise value_error("period", "Period", period_text)
        period = int(period_text)
        elems = []
        for row in rows:
            on_sale = period in periods_of(row)
            elems.append({"pricelist": t(row["id"]), "desc": t(_tariff_desc(ctx.tr(row["name"]))),
                          "price": t(f"{money(row['month_price'] * period)} {ctx.period(period)}"
                                     if on_sale else ctx.tr("Not available for this period")),
                          "order_available": t("on" if on_sale else "off")})
        return {"period": t(period), "datacenter": t("1"),
                "slist": [slist("period", [(p, ctx.period(p)) for p in all_periods]),
                          slist("datacenter", _datacenters(ctx))],
                "list": [sublist("tariflist", elems)],
                "messages": {"msg": {"title": f"{ctx.tr('Order')}: {ctx.tr(SERVICE_TYPES[kind])}",
                                     "period": "Period", "datacenter": "Data center"}},
                "metadata": {"$type": "form", "$name": ctx.func}}
    return pricelist


def make_param(kind: str) -> Callable[..., Doc]:
    """``T.order.param``: configure a tariff; submitting (``sok=ok``, with ``clicked_button=finish``
    or none, ``licence_agreement=on`` — vhost/dns/ftp/vdsOperations.js) puts it into the cart."""
    def param(ctx: Ctx, view: bool = False) -> Doc:
        pid = ctx.p("pricelist") or ctx.p("elid")
        if not pid:
            raise missed_field("pricelist", "Tariff")
        row = _pricelist(ctx, pid) if pid.isdigit() else None
        if row is None or row["type"] != kind:
            raise value_error("pricelist", "Tariff", pid)
        periods = periods_of(row)
        period_text = ctx.p("period") or str(periods[0])
        if not period_text.lstrip("-").isdigit() or int(period_text) not in periods:
            raise value_error("period", "Period", period_text)
        period = int(period_text)
        addons = VDS_ADDONS if kind == "vds" else {}
        autoprolong_keys = dict(_autoprolong_choices(periods, ctx))
        if view or not ctx.sok or ctx.p("sv_field"):
            fields = {"pricelist": row["id"], "period": period, "datacenter": ctx.p("datacenter") or "1",
                      "autoprolong": ctx.p("autoprolong") if ctx.p("autoprolong") in autoprolong_keys else period,
                      "domain": ctx.p("domain"), "cost": money(row["month_price"] * period),
                      "orderinfo": f"{ctx.tr(row['name'])}, {ctx.period(period)}<br/>"
                                   f"{ctx.tr('Total amount')}: {money(row['month_price'] * period)}",
                      "licence_agreement": "off"}
            slists = [slist("period", [(p, f"{ctx.period(p)} - {money(row['month_price'] * p)}")
                                       for p in periods]),
                      slist("datacenter", _datacenters(ctx)),
                      slist("autoprolong", _autoprolong_choices(periods, ctx))]
            if kind == "vds":
                fields["ostempl"] = ctx.p("ostempl") or "debian-12"
                slists.append(slist("ostempl", OSTEMPLATES.items()))
            msgs = {"domain": "Domain name", "period": "Period", "datacenter": "Data center",
                    "ostempl": "Operating system", "autoprolong": "Auto renewal"}
            for name, (label, price, most) in addons.items():
                fields[name] = ctx.p(name) or "0"
                msgs[name] = f"{label} (0-{most}, {money(price)} each per month)"
            return form(f"{kind}.order.param", fields, slists=slists, messages=msgs)
        button = ctx.p("clicked_button")
        if button not in ("", "finish", "basket", "ok", "order"):
            raise value_error("clicked_button", "Button", button)
        domain = ctx.p("domain").lower()
        if kind in NEEDS_DOMAIN:
            if not domain:
                raise missed_field("domain", "Domain name")
            if not DOMAIN_RE.match(domain):
                raise value_error("domain", "Domain name", domain)
        if ctx.p("datacenter") and ctx.p("datacenter") not in DATACENTERS:
            raise value_error("datacenter", "Data center", ctx.p("datacenter"))
        if ctx.p("autoprolong") and ctx.p("autoprolong") not in autoprolong_keys:
            raise value_error("autoprolong", "Auto renewal", ctx.p("autoprolong"))
        if kind == "vds" and ctx.p("ostempl") and ctx.p("ostempl") not in OSTEMPLATES:
            raise value_error("ostempl", "Operating system", ctx.p("ostempl"))
        cost = row["month_price"] * period
        for name, (label, price, most) in addons.items():
            raw = ctx.p(name) or "0"
            if not raw.isdigit() or int(raw) > most:
                raise value_error(name, label, raw)
            cost += int(raw) * price * period
        desc = f"{row['name']}{' ' + domain if domain else ''}, {period_label(period)}"
        order, item = add_item(ctx, row["id"], row["name"], desc, cost, period)
        return {**ok("func=basket"), "id": t(item), "billorder": t(order)}
    return param


_history = record_history


def prolong(ctx: Ctx) -> Doc:
    """``service.prolong``: renew for a period, into the cart or (``clicked_button=pay``) at once."""
    row = service(ctx, ctx.p("elid"))
    pricelist = _pricelist(ctx, row["pricelist_id"])
    periods = periods_of(pricelist)
    period_text = ctx.p("period") or str(periods[0])
    if not period_text.lstrip("-").isdigit() or int(period_text) not in periods:
        raise value_error("period", "Period", period_text)
    period = int(period_text)
    new_expires = new_expiry(row["expiredate"], period)
    cost = pricelist["month_price"] * period
    if ctx.sok and not ctx.p("sv_field"):
        button = ctx.p("clicked_button") or "basket"
        desc = f"Renewal of {row['name']} ({pricelist['name']}), {period_label(period)}"
        # Pay now without the cart: ``skipbasket=on`` (ISPsystem "Service management via API");
        # ``clicked_button=pay`` is what older billtui sent, still accepted.
        if ctx.p("skipbasket") == "on" or button == "pay":
            balance = ctx.store.row("SELECT balance FROM account WHERE id=1")["balance"]
            if balance >= cost:
                ctx.store.run("UPDATE account SET balance=balance-? WHERE id=1", (cost,))
                until = extend(ctx, row["id"], period)
                ctx.store.run("INSERT INTO expenses(locale_name, realdate, cdate, amount, notpayd, discountamount,"
                              " payments, taxamount) VALUES (?,?,?,?,0,0,'',0)",
                              (desc, ctx.store.today.strftime(DATE), ctx.store.now(), cost))
                return {**ok(), "expiredate": t(until.strftime(DATE))}
            order, item = add_item(ctx, pricelist["id"], pricelist["name"], desc, cost, period, row["id"],
                                   kind=RENEWAL)
            return {**ok(url=f"https://pay.example.com/order/{order}"), "billorder": t(order), "id": t(item)}
        if button not in ("basket", "ok", "order"):
            raise value_error("clicked_button", "Button", button)
        order, item = add_item(ctx, pricelist["id"], pricelist["name"], desc, cost, period, row["id"],
                               kind=RENEWAL)
        return {**ok("func=basket"), "billorder": t(order), "id": t(item)}
    return form(ctx.func, {"elid": row["id"], "name": row["name"], "title_name": row["name"], "period": period,
                           "status": row["status"].split("_")[0],
                           "expiredate": row["expiredate"], "newexpiredate": new_expires.strftime(DATE),
                           "cost": money(cost), "amount": money(cost)},
                slists=[slist("period", [(p, f"{ctx.period(p)} - {money(pricelist['month_price'] * p)}")
                                         for p in periods])],
                messages={"period": "Period", "expiredate": "Expires", "newexpiredate": "New expiration date",
                          "cost": "Cost"})


HISTORY = ListSpec(
    func="service.history", title="Service history", source="service_history",
    columns=[Column("id", "Id", "id", "digit"), Column("changedate", "Date", "changedate", "date"),
             Column("desc", "Change", "desc"), Column("user", "User", "user"), Column("ip", "IP address", "ip")],
    render=lambda r, _c: {"id": t(r["id"]), "changedate": t(r["changedate"]), "desc": t(r["desc"]),
                          "user": t(r["user"]), "ip": t(r["ip"])},
    default_sort="changedate")


def history(ctx: Ctx) -> Doc:
    """``service.history&elid=ID``."""
    row = service(ctx, ctx.p("elid"))
    return run_list(ctx, HISTORY, (["service_id = ?"], [row["id"]]))


def instruction(ctx: Ctx) -> Doc:
    """``service.instruction.html``: (assumed) the HTML text is in ``doc.body.$``."""
    row = service(ctx, ctx.p("elid"))
    host = row["domain"] or row["name"]
    html = (f"<html><body><h1>{ctx.tr(SERVICE_TYPES[row['type']])}: {row['name']}</h1>"
            f"<p>Your service <b>{row['name']}</b> is ready.</p><ul><li>Address: {host}</li>"
            f"<li>IP: {row['ip'] or '-'}</li><li>Login: root</li>"
            "<li>Password: sent to your email</li></ul></body></html>")
    return {"body": t(html)}


def gotoserver(ctx: Ctx) -> Doc:
    """``gotoserver&elid=ID``: the URL of the service's own control panel."""
    row = service(ctx, ctx.p("elid"))
    if row["status"] == "1":
        raise ApiError("value", "status", "The service is not active yet", label="Status")
    return ok(url=PANEL_URL.format(host=f"{row['type']}.panel.example.com", id=row["id"]))


def make_list(kind: str, spec: ListSpec) -> Callable[[Ctx], Doc]:
    """``T``: the listed (not deleted) services of one product type."""
    def list_services(ctx: Ctx) -> Doc:
        return run_list(ctx, spec, (["type = ?", "status != '4'"], [kind]))
    return list_services


def _build() -> dict[str, Callable[[Ctx], Doc]]:
    table: dict[str, Callable[[Ctx], Doc]] = {}
    for kind in SERVICE_TYPES:
        spec = list_spec(kind)
        table[kind] = make_list(kind, spec)
        table[f"{kind}.filter"] = filter_handler(spec)
        table[f"{kind}.edit"] = make_edit(kind)
        table[f"{kind}.delete"] = make_delete(kind)
        table[f"{kind}.order.pricelist"] = make_pricelist(kind)
        table[f"{kind}.order.param"] = make_param(kind)
    table.update({"service.prolong": prolong, "service.history": history,
                  "service.instruction.html": instruction, "gotoserver": gotoserver})
    return table


HANDLERS = _build()
