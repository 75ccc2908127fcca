"""Screens more than one menu section uses (the payment page), below the sections."""
