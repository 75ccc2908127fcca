"""The demo panel's Russian: what it writes for ``lang=ru``.

A table from the English text to the Russian one, in BILLmanager's own Russian terms where they
are known (the menu, statuses), and the Russian of period labels, which needs plural forms.
Only the panel's words are here: codes, ids, dates and amounts are the same in every language,
and so is the customer's own data (service names, ticket subjects). A text not in the table is
answered in English, as a real panel answers a message it has no translation for.
"""
from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- the menu: sections, items, product types
    "Customer": "Клиент",
    "Services": "Услуги",
    "Finances": "Финансы",
    "Support": "Поддержка",
    "Settings": "Настройки",
    "Statistics": "Статистика",
    "Account": "Учётная запись",
    "Payers": "Плательщики",
    "Discounts": "Скидки",
    "User settings": "Настройки пользователя",
    "Credits/Payments": "Платежи",
    "Cart": "Корзина",
    "Orders": "Заказы",
    "Expenses": "Расходы",
    "Invoices": "Счета",
    "Affiliate program commissions": "Вознаграждения по партнёрской программе",
    "Open tickets": "Запросы",
    "Archived tickets": "Архив запросов",
    "Notification subscription": "Подписка на уведомления",
    "Affiliate program": "Партнёрская программа",
    "Virtual private servers": "Виртуальные серверы",
    "Shared hosting": "Виртуальный хостинг",
    "Domains": "Домены",
    "SSL certificates": "SSL-сертификаты",
    "Dedicated servers": "Выделенные серверы",
    # --- service statuses (item_status) and their details
    "Ordered": "Заказан",
    "Active": "Активен",
    "Suspended": "Приостановлен",
    "Deleted": "Удалён",
    "In progress": "Обрабатывается",
    "Suspended (expired)": "Приостановлен (истёк срок)",
    "Suspended by staff": "Приостановлен администратором",
    "Suspended (abuse)": "Приостановлен (нарушение правил)",
    "Being opened": "Открывается",
    "Being renewed": "Продлевается",
    "Being closed": "Закрывается",
    # --- payment statuses and methods ("New" is a ticket's too: both are «Новый»)
    "New": "Новый",
    "Pledged": "Обещанный платёж",
    "Credited": "Зачислен",
    "Refund pending": "Ожидает возврата",
    "Refunded": "Возвращён",
    "Fraud": "Мошеннический",
    "Bank card": "Банковская карта",
    "Bank transfer": "Банковский перевод",
    "Cryptocurrency (USDT)": "Криптовалюта (USDT)",
    "Other": "Другой",
    "US Dollar": "Доллар США",
    "Euro": "Евро",
    "Account balance": "Лицевой счёт",
    "Pay from the balance": "Оплатить с лицевого счёта",
    "Payer": "Плательщик",
    "Total": "Итого",
    "Description": "Описание",
    "Login": "Логин",
    "Type": "Тип",
    "Paid on": "Дата оплаты",
    "No service": "Без услуги",
    # --- tickets
    "Under review": "На рассмотрении",
    "Awaiting your reply": "Ожидает ответа",
    "Closed": "Закрыт",
    "Archived": "В архиве",
    "Billing": "Финансовый отдел",
    "Technical support": "Техническая поддержка",
    "Sales": "Отдел продаж",
    # --- invoices, orders, payers
    "Not paid": "Не оплачен",
    "Paid": "Оплачен",
    "Cancelled": "Отменён",
    "In cart": "В корзине",
    "Awaiting payment": "Ожидает оплаты",
    "Individual": "Физическое лицо",
    "Company": "Юридическое лицо",
    "Sole proprietor": "Индивидуальный предприниматель",
    "Verified": "Проверен",
    "Not verified": "Не проверен",
    # --- tariffs (the demo's price list), data centers, options
    "VDS-1 (1 vCPU, 1 GB RAM, 20 GB SSD)": "VDS-1 (1 vCPU, 1 ГБ RAM, 20 ГБ SSD)",
    "VDS-2 (2 vCPU, 4 GB RAM, 60 GB SSD)": "VDS-2 (2 vCPU, 4 ГБ RAM, 60 ГБ SSD)",
    "VDS-4 (4 vCPU, 8 GB RAM, 120 GB SSD)": "VDS-4 (4 vCPU, 8 ГБ RAM, 120 ГБ SSD)",
    "Hosting Start": "Хостинг Старт",
    "Hosting Pro": "Хостинг Про",
    "Dedicated server": "Выделенный сервер",
    ".com domain": "Домен .com",
    ".net domain": "Домен .net",
    "Intel Xeon E-2236, 32 GB, 2x1 TB NVMe": "Intel Xeon E-2236, 32 ГБ, 2x1 ТБ NVMe",
    "Amsterdam (NL)": "Амстердам (NL)",
    "Frankfurt (DE)": "Франкфурт (DE)",
    "New York (US)": "Нью-Йорк (US)",
    "Disabled": "Отключено",
    "Not available for this period": "Недоступно на этот период",
    "Order": "Заказ",
    "Total amount": "Итого",
    "Any": "Любой",
    "Allow access from any address": "Разрешить доступ с любого адреса",
    "Allow only listed addresses": "Разрешить доступ только с указанных адресов",
    "Netherlands": "Нидерланды",
    "Germany": "Германия",
    "United States": "США",
    "United Kingdom": "Великобритания",
    "France": "Франция",
    "On": "Вкл.",
    "Off": "Выкл.",
    # --- labels: list columns, form fields, and the fields errors name
    "Id": "Код",
    "Name": "Название",
    "Domain": "Домен",
    "IP address": "IP-адрес",
    "Tariff": "Тариф",
    "Data center": "Дата-центр",
    "Created": "Создан",
    "Expires": "Действует до",
    "Auto renewal": "Автопродление",
    "Status": "Состояние",
    "State": "Состояние",
    "Cost": "Стоимость",
    "Number": "Номер",
    "Date": "Дата",
    "Payment method": "Способ оплаты",
    "Amount": "Сумма",
    "Currency": "Валюта",
    "Period": "Период",
    "Period start": "Начало периода",
    "Period end": "Конец периода",
    "New expiration date": "Новая дата окончания",
    "Domain name": "Доменное имя",
    "Operating system": "Операционная система",
    "Button": "Кнопка",
    "Service": "Услуга",
    "Payment": "Платёж",
    "Item": "Позиция",
    "Message": "Сообщение",
    "Subject": "Тема",
    "Department": "Отдел",
    "Ticket": "Запрос",
    "Attachment": "Вложение",
    "Notification": "Уведомление",
    "Channel": "Канал",
    "Email": "Email",
    "Email for notifications": "Email для уведомлений",
    "Contact person": "Контактное лицо",
    "Phone": "Телефон",
    "Country": "Страна",
    "Time zone": "Часовой пояс",
    "Language": "Язык",
    "Access": "Доступ",
    "Allowed IP addresses": "Разрешённые IP-адреса",
    "Email me on every login": "Уведомлять о каждом входе по email",
    "Current password": "Текущий пароль",
    "New password": "Новый пароль",
    "Confirm password": "Подтверждение пароля",
    "Confirmation code": "Код подтверждения",
    "Secret key": "Секретный ключ",
    "Full name": "ФИО",
    "Promo code": "Промокод",
    "Referral link": "Реферальная ссылка",
    "Disable 2-Step Verification": "Отключить двухэтапную аутентификацию",
    # --- errors: detail templates (``__object__`` = the field's label, ``__value__`` = the value)
    "The '__object__' field has invalid value.": "Поле «__object__» имеет недопустимое значение.",
    "The '__object__' field is required.": "Поле «__object__» обязательно для заполнения.",
    "Object '__value__' not found": "Объект «__value__» не найден",
    "The function '__value__' is not available": "Функция «__value__» недоступна",
    # --- errors: whole messages. The busy and "no right" texts are a real panel's Russian, word for
    # word (Karantir-dev/billing-typescript src/utils/checkIfTokenAlive.js): clients match them.
    "Request in process, please wait": "Ваш запрос обрабатывается, пожалуйста, подождите",
    "Access denied. Your session has expired or you have no right to do this.":
        "Доступ запрещён: сессия истекла, или у вас недостаточно прав на выполнение функции.",
    "Invalid username or password": "Неверное имя пользователя или пароль",
    "Too many failed login attempts. Try again later": "Слишком много неудачных попыток входа. Повторите позже",
    "Login refused": "Вход запрещён",
    "Invalid confirmation code": "Неверный код подтверждения",
    "Invalid secret key": "Неверный секретный ключ",
    "Invalid code": "Неверный код",
    "Two-step verification is not enabled": "Двухэтапная аутентификация не включена",
    "You can only edit your own account": "Можно изменять только свою учётную запись",
    "The service is not active yet": "Услуга ещё не активна",
    "The ticket is archived; restore it to reply": "Запрос в архиве: восстановите его, чтобы ответить",
    "Only a reply from support can be rated": "Оценить можно только ответ службы поддержки",
    "Promo code not found": "Промокод не найден",
    "The cart is empty": "Корзина пуста",
}


def _plural(n: int, one: str, few: str, many: str) -> str:
    """Russian plural: 1, 21 месяц; 2-4, 22 месяца; 5-20, 25 месяцев."""
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def period_label(months: int) -> str:
    """A period in months as the Russian panel labels it (the codes of API.md section 5)."""
    if months == 0:
        return "Бессрочно"
    if months == -50:
        return "1 день"
    if months == -100:
        return "Пробный период"
    if months % 12 == 0:
        years = months // 12
        return f"{years} {_plural(years, 'год', 'года', 'лет')}"
    return f"{months} {_plural(months, 'месяц', 'месяца', 'месяцев')}"
