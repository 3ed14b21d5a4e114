#!/usr/bin/env python3
"""The HTTP benchmark of scripts/bench-http.sh: signs in, prepares a case with 50 timeline
entries, and measures each route side by side in one run.

Per route: requests/s at saturation (wrk, 2 threads, 8 connections), and p50/p99 latency at a
fixed rate (an open-loop schedule: each request has its planned start, and its latency counts
from that moment, so a slow answer that delays the next ones shows in the figures). With
`--alleen` a route is also asked one request at a time (one user), for p50/p95.
Prints a markdown table; the ratio column is throughput relative to the minimal route.
"""
import argparse
import http.client
import re
import statistics
import subprocess
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

ZELFDE = {"Sec-Fetch-Site": "same-origin"}


def verbinding(host, poort):
    return http.client.HTTPConnection(host, poort, timeout=30)


def vraag(conn, methode, pad, headers=None, body=None):
    conn.request(methode, pad, body=body, headers=headers or {})
    r = conn.getresponse()
    data = r.read()
    return r.status, r.getheaders(), data


def aanmelden(host, poort, email, wachtwoord):
    conn = verbinding(host, poort)
    body = urllib.parse.urlencode({"email": email, "wachtwoord": wachtwoord, "volgende": "/werkbak"})
    headers = {"Content-Type": "application/x-www-form-urlencoded", **ZELFDE}
    status, kop, _ = vraag(conn, "POST", "/login", headers, body)
    for naam, waarde in kop:
        if naam.lower() == "set-cookie" and waarde.startswith("meldpunt_sessie="):
            return waarde.split(";")[0]
    raise SystemExit(f"aanmelden mislukt (status {status})")


def zaak_met_tijdlijn(host, poort, cookie, aantal):
    """A case from the werkbak, topped up with internal notes until its timeline has `aantal`."""
    conn = verbinding(host, poort)
    _, _, html = vraag(conn, "GET", "/werkbak", {"Cookie": cookie})
    refs = re.findall(r'href="/meldingen/(M-\d{4}-\d+)"', html.decode())
    if not refs:
        raise SystemExit("geen melding gevonden in de werkbak")
    ref = refs[0]
    _, _, html = vraag(conn, "GET", f"/meldingen/{ref}", {"Cookie": cookie})
    al = html.decode().count('<li class="tl-')
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded", **ZELFDE}
    for i in range(max(0, aantal - al)):
        body = urllib.parse.urlencode({"soort": "notitie", "tekst": f"Meetnotitie {i + 1}: gebeld, verslag volgt."})
        status, _, _ = vraag(conn, "POST", f"/meldingen/{ref}/tijdlijn", headers, body)
        if status != 303:
            raise SystemExit(f"notitie toevoegen mislukt (status {status})")
    return ref


def verzadiging(url, cookie, duur):
    cmd = ["wrk", "-t2", "-c8", f"-d{duur}s", "--latency"]
    if cookie:
        cmd += ["-H", f"Cookie: {cookie}"]
    uit = subprocess.run(cmd + [url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", uit).group(1))
    fouten = re.search(r"Non-2xx or 3xx responses: (\d+)", uit)
    if fouten:
        raise SystemExit(f"{url}: {fouten.group(1)} antwoorden met een foutstatus")
    return rps


def vast_tempo(host, poort, pad, cookie, tempo, duur):
    """Latencies (ms) at `tempo` requests/s for `duur` s, from each request's planned start."""
    lokaal = threading.local()
    headers = {"Cookie": cookie} if cookie else {}

    def een(gepland):
        if not hasattr(lokaal, "conn"):
            lokaal.conn = verbinding(host, poort)
        status, _, _ = vraag(lokaal.conn, "GET", pad, headers)
        if status != 200:
            raise RuntimeError(f"{pad}: status {status}")
        return (time.perf_counter() - gepland) * 1000

    n = int(tempo * duur)
    begin = time.perf_counter() + 0.1
    with ThreadPoolExecutor(max_workers=16) as pool:
        toekomst = []
        for i in range(n):
            gepland = begin + i / tempo
            wacht = gepland - time.perf_counter()
            if wacht > 0:
                time.sleep(wacht)
            toekomst.append(pool.submit(een, gepland))
        return [t.result() for t in toekomst]


def een_voor_een(host, poort, pad, cookie, n):
    conn = verbinding(host, poort)
    headers = {"Cookie": cookie} if cookie else {}
    uit = []
    for _ in range(n):
        t = time.perf_counter()
        status, _, _ = vraag(conn, "GET", pad, headers)
        if status != 200:
            raise SystemExit(f"{pad}: status {status}")
        uit.append((time.perf_counter() - t) * 1000)
    return uit


def percentiel(waarden, p):
    return statistics.quantiles(waarden, n=100, method="inclusive")[p - 1]


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--poort", type=int, required=True)
    a.add_argument("--email", required=True)
    a.add_argument("--wachtwoord", required=True)
    a.add_argument("--duur", type=int, default=10, help="seconds per saturation run")
    a.add_argument("--tempo", type=float, default=20, help="requests/s of the fixed-rate run")
    a.add_argument("--tempoduur", type=int, default=20, help="seconds per fixed-rate run")
    a.add_argument("--alleen", type=int, default=200, help="one-at-a-time requests for the werkbak")
    args = a.parse_args()
    host, poort = "127.0.0.1", args.poort
    cookie = aanmelden(host, poort, args.email, args.wachtwoord)
    ref = zaak_met_tijdlijn(host, poort, cookie, 50)
    routes = [
        ("`/health`, anoniem (minimaal)", "/health", None),
        ("`/health`, aangemeld", "/health", cookie),
        ("startpagina `/`", "/", None),
        ("FAQ-pagina", "/faq/dringend-gevaar-voor-een-kind", None),
        ("`/zoeken?q=schorsing`", "/zoeken?q=schorsing", None),
        ("werkbak `/werkbak`", "/werkbak", cookie),
        ("zaakpagina (50 tijdlijnregels)", f"/meldingen/{ref}", cookie),
    ]
    print(f"zaak: {ref}; verzadiging: wrk -t2 -c8 -d{args.duur}s; vast tempo: {args.tempo:g}/s gedurende {args.tempoduur} s")
    print()
    print("| verzoek | verzoeken/s (verzadigd) | t.o.v. minimaal | p50 | p99 (bij vast tempo) |")
    print("|---|---:|---:|---:|---:|")
    basis = None
    for naam, pad, c in routes:
        rps = verzadiging(f"http://{host}:{poort}{pad}", c, args.duur)
        basis = basis or rps
        lat = vast_tempo(host, poort, pad, c, args.tempo, args.tempoduur)
        print(
            f"| {naam} | {rps:,.0f} | {rps / basis:.1%} | {percentiel(lat, 50):.1f} ms | {percentiel(lat, 99):.1f} ms |",
            flush=True,
        )
    lat = een_voor_een(host, poort, "/werkbak", cookie, args.alleen)
    print()
    print(
        f"werkbak, één gebruiker ({args.alleen} verzoeken na elkaar): p50 {percentiel(lat, 50):.1f} ms, "
        f"p95 {percentiel(lat, 95):.1f} ms, p99 {percentiel(lat, 99):.1f} ms"
    )


if __name__ == "__main__":
    main()
