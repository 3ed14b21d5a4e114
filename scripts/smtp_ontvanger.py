#!/usr/bin/env python3
"""Test SMTP server for Meldpunt's mail tests (aiosmtpd, a real SMTP implementation).

Usage: smtp_ontvanger.py --poort N --map DIR [--stop-bij-eof]

- Listens on 127.0.0.1:N (N = 0: a free port chosen by the system) and prints
  "klaar <port>" on stdout once it accepts connections.
- Writes every received message to DIR/<n>.eml (n = 1, 2, ...; continues after the highest
  number already in DIR, so a restart on the same DIR keeps counting). The file is written
  under a temporary name and then renamed, so a reader never sees half a message.
- The first line of each .eml file is not part of the message: it is
  "X-Envelop-Aan: <JSON list of the envelope recipients>" followed by CRLF. The message
  exactly as received (CRLF line endings) follows.
- Answers 550 for a recipient whose address starts with "weiger" (permanent refusal) and 451
  for one starting with "later" (temporary refusal); other recipients are accepted.
- Stops cleanly on SIGTERM or SIGINT, and with --stop-bij-eof also when its stdin closes (so a
  test process that dies without cleaning up leaves no server behind).
"""

import argparse
import asyncio
import json
import os
import re
import signal
import sys

from aiosmtpd.smtp import SMTP

ENVELOP_KOP = b"X-Envelop-Aan: "


def hoogste_nummer(map_pad):
    nummers = [
        int(m.group(1))
        for naam in os.listdir(map_pad)
        if (m := re.fullmatch(r"(\d+)\.eml", naam))
    ]
    return max(nummers, default=0)


class Ontvanger:
    def __init__(self, map_pad):
        self.map_pad = map_pad
        self.teller = hoogste_nummer(map_pad)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        lokaal = address.lower()
        if lokaal.startswith("weiger"):
            return "550 5.1.1 Onbekende ontvanger: dit adres bestaat niet"
        if lokaal.startswith("later"):
            return "451 4.3.0 Tijdelijk probleem: probeer later opnieuw"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # One event loop: nothing else runs between reading and raising the counter.
        self.teller += 1
        nummer = self.teller
        inhoud = envelope.original_content or envelope.content
        if isinstance(inhoud, str):
            inhoud = inhoud.encode("utf-8")
        kop = ENVELOP_KOP + json.dumps(envelope.rcpt_tos).encode("ascii") + b"\r\n"
        tijdelijk = os.path.join(self.map_pad, f".{nummer}.eml.tmp")
        with open(tijdelijk, "wb") as f:
            f.write(kop + inhoud)
        os.replace(tijdelijk, os.path.join(self.map_pad, f"{nummer}.eml"))
        return f"250 Ok: bericht {nummer} ontvangen"


async def draai(poort, map_pad, stop_bij_eof):
    lus = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        lus.add_signal_handler(sig, stop.set)
    if stop_bij_eof:
        def lees_stdin():
            if not os.read(sys.stdin.fileno(), 4096):
                lus.remove_reader(sys.stdin.fileno())
                stop.set()
        lus.add_reader(sys.stdin.fileno(), lees_stdin)

    ontvanger = Ontvanger(map_pad)
    server = await lus.create_server(
        lambda: SMTP(ontvanger, hostname="smtp-ontvanger.test", enable_SMTPUTF8=True),
        host="127.0.0.1",
        port=poort,
    )
    echte_poort = server.sockets[0].getsockname()[1]
    print(f"klaar {echte_poort}", flush=True)
    await stop.wait()
    server.close()
    try:
        # Open client connections must not keep a stopping server alive.
        await asyncio.wait_for(server.wait_closed(), timeout=2)
    except asyncio.TimeoutError:
        pass


def main():
    parser = argparse.ArgumentParser(description="SMTP-testserver voor Meldpunt")
    parser.add_argument("--poort", type=int, required=True)
    parser.add_argument("--map", required=True)
    parser.add_argument("--stop-bij-eof", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.map, exist_ok=True)
    asyncio.run(draai(args.poort, args.map, args.stop_bij_eof))


if __name__ == "__main__":
    main()
