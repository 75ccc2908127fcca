"""Static reference data of the demo panel: names, codes and option lists.

One place for every display string and code table so handlers stay about behaviour.
"""
from __future__ import annotations

SERVICE_TYPES: dict[str, str] = {
    "vds": "Virtual private servers",
    "vhost": "Shared hosting",
    "domain": "Domains",
    "certificate": "SSL certificates",
    "dedic": "Dedicated servers",
}

SERVICE_STATUS = {"1": "Ordered", "2": "Active", "3": "Suspended", "4": "Deleted", "5": "In progress"}
SERVICE_SUBSTATUS = {
    "3_autosuspend": "Suspended (expired)", "3_employeesuspend": "Suspended by staff",
    "3_abusesuspend": "Suspended (abuse)", "5_open": "Being opened", "5_prolong": "Being renewed",
    "5_close": "Being closed",
}

PAYMENT_STATUS = {1: "New", 2: "In progress", 3: "Pledged", 4: "Credited", 5: "Refund pending",
                  6: "Refunded", 7: "Fraud"}

# paymethod id -> (name, min cents, max cents)
PAYMETHODS: dict[int, tuple[str, int, int]] = {
    1: ("Bank card", 500, 500_000),
    2: ("Bank transfer", 5_000, 10_000_000),
    3: ("Cryptocurrency (USDT)", 1_000, 2_000_000),
}
CURRENCIES = {"USD": "US Dollar", "EUR": "Euro"}

TICKET_STATUS = {0: "New", 1: "Under review", 2: "Awaiting your reply", 3: "Closed", 10: "Archived"}
DEPARTMENTS = {1: "Billing", 2: "Technical support", 3: "Sales"}

INVOICE_STATUS = {1: "Not paid", 2: "Paid", 3: "Cancelled"}
PROFILE_TYPES = {1: "Individual", 2: "Company", 3: "Sole proprietor"}

DATACENTERS = {"1": "Amsterdam (NL)", "2": "Frankfurt (DE)", "3": "New York (US)"}
OSTEMPLATES = {"debian-12": "Debian 12", "ubuntu-24.04": "Ubuntu 24.04 LTS",
               "almalinux-9": "AlmaLinux 9", "windows-2022": "Windows Server 2022"}
# vds addons: name -> (label, unit price in cents, max)
VDS_ADDONS = {"addon_1": ("Extra IPv4 addresses", 200, 4), "addon_2": ("Backup space, GB", 5, 500)}

TIMEZONES = ["UTC", "Europe/Amsterdam", "Europe/London", "America/New_York", "Asia/Singapore"]
LANGS = {"en": "English", "ru": "Русский", "de": "Deutsch"}
ATYPES = {"atany": "Allow access from any address", "atallow": "Allow only listed addresses"}
COUNTRIES = {"NL": "Netherlands", "DE": "Germany", "US": "United States", "GB": "United Kingdom",
             "FR": "France"}
AFFILIATE_PROGRAMS = {"1": "Standard program (10% of payments)", "2": "Partner program (15% of payments)"}
DISCOUNTS = [(1, "Loyal customer", "5%", "All services"), (2, "VDS volume discount", "10%", "VDS-4")]

CHANNELS = ("email", "sms", "telegram", "panel")
CHANNEL_TITLES = {"email": "Email", "sms": "SMS", "telegram": "Telegram", "panel": "Panel"}
PROMOCODES = {"WELCOME10": 10}
