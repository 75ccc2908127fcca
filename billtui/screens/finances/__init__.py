"""Finances: payments, orders and the cart, expenses, invoices, commissions, periods and the payment page."""
