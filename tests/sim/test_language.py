"""The demo panel answers in the language asked for (``lang=``): Russian for ``ru``, English for
anything else; the codes, ids, dates and amounts are the same in every language."""
from __future__ import annotations

from typing import Any

from tests.sim.conftest import Panel


async def both(panel: Panel, func: str, **params: Any) -> tuple[dict, dict]:
    return await panel.call(func, lang="en", **params), await panel.call(func, lang="ru", **params)


def codes(elem: dict) -> dict:
    """A row without its texts: every cell's raw value (``$orig``), or its text when it has none
    and is not one the panel translates."""
    return {k: v.get("$orig", v.get("$")) for k, v in elem.items() if isinstance(v, dict)}


async def test_the_menu_names_product_types_and_items_in_russian(panel: Panel) -> None:
    en, ru = await both(panel, "menu", sok="ok")
    assert en["mainmenu"] == ru["mainmenu"]  # the same sections and functions
    msg = ru["messages"]["msg"]
    assert (msg["vds"], msg["vhost"], msg["domain"], msg["certificate"], msg["dedic"]) == (
        "Виртуальные серверы", "Виртуальный хостинг", "Домены", "SSL-сертификаты", "Выделенные серверы")
    assert msg["payment"] == "Платежи" and msg["clientticket"] == "Запросы" and msg["finance"] == "Финансы"
    assert en["messages"]["msg"]["vds"] == "Virtual private servers"
    assert ru["$lang"] == "ru" and en["$lang"] == "en"


async def test_service_rows_keep_their_codes_and_translate_their_texts(panel: Panel) -> None:
    en, ru = await both(panel, "vds")
    assert [codes(r) for r in en["elem"]] != []
    for en_row, ru_row in zip(en["elem"], ru["elem"]):
        assert ru_row["id"] == en_row["id"] and ru_row["status"] == en_row["status"]
        assert ru_row["item_status"]["$orig"] == en_row["item_status"]["$orig"]
        assert ru_row["expiredate"] == en_row["expiredate"] and ru_row["name"] == en_row["name"]
        assert ru_row["cost"]["$"].split(" / ")[0] == en_row["cost"]["$"].split(" / ")[0]  # "5.00 USD"
    status = {r["item_status"]["$orig"]: r["item_status"]["$"] for r in ru["elem"]}
    assert status["1"] == "Заказан" and status["2"] == "Активен"
    tariffs = {r["pricelist"]["$"] for r in ru["elem"]}
    assert "VDS-1 (1 vCPU, 1 ГБ RAM, 20 ГБ SSD)" in tariffs
    assert any(r["cost"]["$"].endswith("/ 1 месяц") for r in ru["elem"])
    hosting = await panel.call("vhost", lang="ru")
    assert {r["pricelist"]["$"] for r in hosting["elem"]} <= {"Хостинг Старт", "Хостинг Про"}
    assert {r["item_status"]["$"] for r in hosting["elem"] if r["item_status"]["$orig"].startswith("3")} <= {
        "Приостановлен", "Приостановлен (истёк срок)", "Приостановлен администратором",
        "Приостановлен (нарушение правил)"}


async def test_tickets_and_payments_statuses_in_russian(panel: Panel) -> None:
    en, ru = await both(panel, "clientticket")
    assert [r["tstatus"]["$orig"] for r in ru["elem"]] == [r["tstatus"]["$orig"] for r in en["elem"]]
    words = {r["tstatus"]["$orig"]: r["tstatus"]["$"] for r in ru["elem"]}
    assert words.get("2") == "Ожидает ответа"
    assert set(words.values()) <= {"Новый", "На рассмотрении", "Ожидает ответа", "Закрыт", "В архиве"}
    en, ru = await both(panel, "payment", p_cnt=100)
    translated = {"paymethod_name"}  # the method's name; the status's code is its $orig
    assert [{k: v for k, v in codes(r).items() if k not in translated} for r in ru["elem"]] == [
        {k: v for k, v in codes(r).items() if k not in translated} for r in en["elem"]]
    texts = {r["status"]["$orig"]: r["status"]["$"] for r in ru["elem"]}
    assert texts["4"] == "Зачислен" and texts["1"] == "Новый"
    assert {r["paymethod_name"]["$"] for r in ru["elem"]} <= {"Банковская карта", "Банковский перевод",
                                                               "Криптовалюта (USDT)"}


async def test_periods_are_labelled_with_russian_plurals(panel: Panel) -> None:
    doc = await panel.call("service.prolong", elid="101", lang="ru")
    labels = [v["$"].split(" - ")[0] for v in doc["slist"][0]["val"]]
    assert labels == ["1 месяц", "3 месяца", "6 месяцев", "1 год"]
    order = await panel.call("domain.order.pricelist", lang="ru")
    assert [v["$"] for v in order["slist"][0]["val"]] == ["1 год", "2 года"]


async def test_errors_come_in_russian_with_the_same_codes(panel: Panel) -> None:
    en, ru = await both(panel, "payment.add.method", sok="ok", paymethod="1", amount="-5", payment_currency="USD")
    assert (ru["error"]["$type"], ru["error"]["$object"]) == (en["error"]["$type"], en["error"]["$object"])
    assert ru["error"]["msg"]["$"] == "Поле «Сумма» имеет недопустимое значение."
    assert ru["error"]["detail"]["$"] == "Поле «__object__» имеет недопустимое значение."
    assert ru["error"]["param"][0]["$"] == "Сумма" and ru["error"]["$lang"] == "ru"
    assert en["error"]["msg"]["$"] == "The 'Amount' field has invalid value."

    missing = await panel.call("vds.edit", elid="99999", lang="ru")
    assert missing["error"]["msg"]["$"] == "Объект «99999» не найден"
    unknown = await panel.call("nosuch.func", lang="ru")
    assert (unknown["error"]["$type"], unknown["error"]["$object"]) == ("missed", "func")
    assert unknown["error"]["msg"]["$"] == "Функция «nosuch.func» недоступна"
    required = await panel.call("clientticket.edit", sok="ok", subject="", message="x", lang="ru")
    assert required["error"]["msg"]["$"] == "Поле «Тема» обязательно для заполнения."
    ordered = await panel.call("gotoserver", elid="104", lang="ru")  # ordered, not active yet
    assert ordered["error"]["msg"]["$"] == "Услуга ещё не активна"


async def test_a_refused_login_and_a_busy_panel_in_russian(anon: Panel, app) -> None:
    refused = await anon.call("auth", username="demo", password="wrong", lang="ru")
    assert refused["error"]["$object"] == "badpassword"
    assert refused["error"]["msg"]["$"] == "Неверное имя пользователя или пароль"
    await anon.login()
    app.faults.set("payment", "busy", count=1)
    busy = await anon.call("payment", lang="ru")
    # A real panel's words (checkIfTokenAlive.js), which clients recognise.
    assert busy["error"]["msg"]["$"] == "Ваш запрос обрабатывается, пожалуйста, подождите"


async def test_another_language_is_answered_in_english(panel: Panel) -> None:
    en = await panel.call("vds", lang="en")
    de = await panel.call("vds", lang="de")
    assert de["elem"] == en["elem"] and de["$lang"] == "de"


async def test_order_and_expense_descriptions_name_tariffs_and_periods_in_russian(panel: Panel) -> None:
    en, ru = await both(panel, "order")
    descs = {r["id"]["$"]: (e["desc"]["$"], r["desc"]["$"]) for e, r in zip(en["elem"], ru["elem"])}
    assert any(e.endswith(", 1 month") and r.endswith(", 1 месяц") for e, r in descs.values()), descs
    assert any(e.startswith("Hosting Pro") and r.startswith("Хостинг Про") for e, r in descs.values()), descs
    en, ru = await both(panel, "expense")
    pairs = [(e["locale_name"]["$"], r["locale_name"]["$"]) for e, r in zip(en["elem"], ru["elem"])]
    assert any(e.startswith(".com domain ") and r.startswith("Домен .com ") for e, r in pairs), pairs
    assert all(e.split(" (")[-1] == r.split(" (")[-1] for e, r in pairs)  # the dates, as they are
