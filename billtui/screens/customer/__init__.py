"""Customer: contact data, balance, payers, discounts."""
