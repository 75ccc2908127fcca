"""One small async function per API call, grouped by menu area.

Screens call these (never ``client.call`` with a function name), so every function and
field name of the panel stays inside ``billtui.api``.
"""

from . import account, finance, services, settings, support

__all__ = ["account", "finance", "services", "settings", "support"]
