"""``billtui-sim``: serve the demo panel over real HTTP with uvicorn."""
from __future__ import annotations

import argparse
from typing import Sequence

from .app import create_app
from .menu import TIERS


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line of DESIGN.md section 3."""
    parser = argparse.ArgumentParser(prog="billtui-sim", description="Serve the demo BILLmanager panel.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=1500)
    parser.add_argument("--tier", choices=TIERS, default="standard")
    parser.add_argument("--size", choices=("small", "large"), default="small")
    parser.add_argument("--db", default=None, help="SQLite file that keeps the demo state between runs")
    parser.add_argument("--session-ttl", type=float, default=3600.0, help="session lifetime in seconds")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the app, say where it is, and serve until interrupted."""
    args = parse_args(argv)
    import uvicorn  # only needed when actually serving

    app = create_app(tier=args.tier, size=args.size, db_path=args.db, session_ttl=args.session_ttl)
    print(f"BILLmanager demo panel ({args.tier}, {args.size}): http://{args.host}:{args.port}/billmgr", flush=True)
    print("Log in as demo / demo (two-factor: totp / totp, code 123456)", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", lifespan="on")
    return 0
