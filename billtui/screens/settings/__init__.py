"""Settings: notifications, contact data, user settings, two-factor, favourites, the affiliate program."""
