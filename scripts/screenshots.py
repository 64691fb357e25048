#!/usr/bin/env python3
"""Screenshots of the main screens for the addon's description (readme/).

Signs in to a running Odoo (scripts/run.sh serves the Batanghari demo) as
the given user, opens each page in headless Chromium through its DevTools
protocol and saves a PNG. Talks to 127.0.0.1 only.

    python3 scripts/screenshots.py --port 8069 --login penilai \\
        --shot "/odoo/action-hr_kinerja_kompetensi.hr_appraisal_action_kinerja" \\
        hr_kinerja_kompetensi/readme/appraisals.png

Needs Debian ``chromium`` and PyPI ``websocket-client`` (as the tours).
"""

import argparse
import base64
import json
import shutil
import subprocess
import tempfile
import time
import urllib.request

import websocket


def sign_in(base, db, login, password):
    """The session cookie of ``login`` (JSON-RPC /web/session/authenticate)."""
    request = urllib.request.Request(
        f"{base}/web/session/authenticate",
        data=json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"db": db, "login": login, "password": password},
            }
        ).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        body = json.loads(answer.read())
        if "error" in body:
            raise SystemExit(f"sign-in refused: {body['error']['data']['message']}")
        for header, value in answer.getheaders():
            if header.lower() == "set-cookie" and value.startswith("session_id="):
                return value.split(";", 1)[0].split("=", 1)[1]
    raise SystemExit("no session cookie in the answer")


class Browser:
    """Headless Chromium driven over its DevTools websocket."""

    def __init__(self, port, width, height):
        self.profile = tempfile.mkdtemp(prefix="hkk-shots-")
        self.process = subprocess.Popen(
            [
                shutil.which("chromium") or "chromium",
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                f"--remote-debugging-port={port}",
                f"--window-size={width},{height}",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _attempt in range(100):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/json/list", timeout=2
                ) as answer:
                    pages = [
                        p for p in json.loads(answer.read()) if p["type"] == "page"
                    ]
                if pages:
                    break
            except OSError:
                pass
            time.sleep(0.2)
        else:
            self.close()
            raise SystemExit("chromium did not start")
        self.socket = websocket.create_connection(
            pages[0]["webSocketDebuggerUrl"], timeout=60
        )
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(
            json.dumps({"id": self.next_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def close(self):
        # only the browser this script started, by its own process
        self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8069, help="Odoo's HTTP port")
    parser.add_argument("--db", default="batanghari")
    parser.add_argument("--login", required=True)
    parser.add_argument("--password", help="default: the login (demo users)")
    parser.add_argument(
        "--shot",
        nargs=2,
        action="append",
        metavar=("PATH", "PNG"),
        required=True,
        help="a page of Odoo (path after the host) and the file to write",
    )
    parser.add_argument("--wait", type=float, default=6.0, help="seconds per page")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--debug-port", type=int, default=9333)
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    session = sign_in(base, args.db, args.login, args.password or args.login)
    browser = Browser(args.debug_port, args.width, args.height)
    try:
        browser.call("Network.enable")
        browser.call(
            "Network.setCookie",
            name="session_id",
            value=session,
            domain="127.0.0.1",
            path="/",
        )
        for path, png in args.shot:
            browser.call("Page.navigate", url=f"{base}{path}")
            time.sleep(args.wait)
            shot = browser.call("Page.captureScreenshot", format="png")
            with open(png, "wb") as out:
                out.write(base64.b64decode(shot["data"]))
            print(f"{png}: {path}")
    finally:
        browser.close()


if __name__ == "__main__":
    main()
