#!/usr/bin/env python3
"""Hostile clients against a real `pi serve` (issue 15), with figures.

Starts `bin/deepreshape pi serve` on 127.0.0.1 (a preset with random weights by default), times a real
`pi infer` alone, then again while 20 idle connections, 2 clients dripping one byte every 8 s and
2 clients announcing (and sending) a 1 GiB first message are open, and samples the server's resident
memory (VmRSS of /proc/PID/status) before, during and after. Finally it opens more connections than
the server allows and shows what a real client is told. Only loopback is used; every socket and the
server are closed at the end.

  tools/hostile_clients.py [--idle 20] [--drips 2] [--oversized 2] [-- pi serve options]

DEEPRESHAPE_CLI names another launcher than bin/deepreshape (e.g. one running a copied jar, so that
a rebuild during the measurement cannot interfere).
"""
import argparse
import os
import re
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

GREETING = b"DRPI\x00\x00\x00\x01"
HELLO = 0x42
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.environ.get("DEEPRESHAPE_CLI", os.path.join(ROOT, "bin", "deepreshape"))


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Sampler(threading.Thread):
    """Samples the server's RSS every 0.2 s and keeps the peak."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0.0, True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.2)

    def stop(self):
        self.running = False
        self.join()
        return self.peak


def write_png(path, w, h):
    rows = b"".join(b"\x00" + b"".join(bytes((x * 8 % 256, y * 8 % 256, 128)) for x in range(w))
                    for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xffffffff)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def start_server(extra):
    cmd = [CLI, "pi", "serve", "--bind", "127.0.0.1", "--port", "0"] + extra
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    m = re.search(r"serving (.*) on [^ ]+:(\d+)$", line.strip())
    if not m:
        p.kill()
        sys.exit("the server did not start: " + line + p.stderr.read())
    log = []
    threading.Thread(target=lambda: [log.append(l.rstrip()) for l in p.stderr], daemon=True).start()
    return p, int(m.group(2)), m.group(1), log


def infer(port, image):
    t0 = time.monotonic()
    r = subprocess.run([CLI, "pi", "infer", "--connect", f"127.0.0.1:{port}", "--image", image],
                       capture_output=True, text=True)
    first = (r.stdout.strip().splitlines() or [""])[0] if r.returncode == 0 else r.stderr.strip()
    return time.monotonic() - t0, r.returncode, first


def connect(port):
    return socket.create_connection(("127.0.0.1", port), timeout=5)


def drip(port, stop, every, cut):
    """Sends the greeting and a HELLO one byte every `every` s; notes when the server hangs up."""
    s = connect(port)
    t0 = time.monotonic()
    data = GREETING + bytes([HELLO, 0, 0, 0, 32]) + bytes(32)
    try:
        for i in range(10_000):
            s.sendall(data[i % len(data):i % len(data) + 1])
            until = time.monotonic() + every
            while not stop.is_set() and time.monotonic() < until:
                s.settimeout(max(0.01, min(0.5, until - time.monotonic())))
                try:
                    if not s.recv(4096):
                        cut.append(time.monotonic() - t0)
                        return
                except socket.timeout:
                    pass
            if stop.is_set():
                return
    except OSError:
        cut.append(time.monotonic() - t0)
    finally:
        s.close()


class Attack:
    """Idle, dripping and oversized clients, opened together."""

    def __init__(self, port, a):
        self.stop = threading.Event()
        self.idle = [connect(port) for _ in range(a.idle)]
        self.sent, self.cut = [], []
        self.threads = [threading.Thread(target=drip, args=(port, self.stop, a.drip_every, self.cut),
                                         daemon=True) for _ in range(a.drips)]
        self.threads += [threading.Thread(target=oversized, args=(port, self.sent), daemon=True)
                         for _ in range(a.oversized)]
        for t in self.threads:
            t.start()

    def finish(self, limit):
        """Waits until the server has cut every attacker (or `limit` s); returns a summary."""
        t0 = time.monotonic()
        while any(t.is_alive() for t in self.threads) and time.monotonic() - t0 < limit:
            time.sleep(0.2)
        closed = 0
        for s in self.idle:
            s.settimeout(max(0.1, limit - (time.monotonic() - t0)))
            try:
                while s.recv(4096):
                    pass
                closed += 1
            except OSError:
                pass
            s.close()
        self.stop.set()
        return (f"oversized clients: {self.sent}; dripping clients cut after "
                f"{[round(c, 1) for c in self.cut]} s; idle connections closed by the server: "
                f"{closed} of {len(self.idle)}")


def oversized(port, result):
    """Announces a 1 GiB HELLO and sends zeros until the server hangs up or stops reading for 5 s."""
    s = connect(port)
    sent, how = 0, "all sent"
    try:
        s.sendall(GREETING + bytes([HELLO, 0x40, 0, 0, 0]))
        block = bytes(1 << 20)
        while sent < (1 << 30):
            s.sendall(block)
            sent += len(block)
    except socket.timeout:
        how = "server stopped reading"
    except OSError:
        how = "server hung up"
    finally:
        result.append(f"{sent >> 20} MiB, {how}")
        s.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--idle", type=int, default=20)
    ap.add_argument("--drips", type=int, default=2)
    ap.add_argument("--drip-every", type=float, default=8.0)
    ap.add_argument("--oversized", type=int, default=2)
    ap.add_argument("--flood", type=int, default=40, help="connections for the busy check")
    ap.add_argument("serve", nargs="*", help="pi serve options (default: --preset resnet20 --dataset cifar10)")
    a = ap.parse_args()
    serve = a.serve or ["--preset", "resnet20", "--dataset", "cifar10"]
    with tempfile.TemporaryDirectory() as tmp:
        image = os.path.join(tmp, "image.png")
        server, port, what, log = start_server(serve)
        write_png(image, 32, 32)
        pid = server.pid
        try:
            time.sleep(2)
            print(f"server: {what} (pid {pid}); RSS at start {rss_mb(pid):.0f} MB")
            sampler = Sampler(pid)
            sampler.start()
            alone, rc, out = infer(port, image)
            peak_alone = sampler.stop()
            print(f"real client alone: {alone:.1f} s, exit {rc} ({out}); server RSS peak {peak_alone:.0f} MB")
            before = rss_mb(pid)
            sampler = Sampler(pid)
            sampler.start()
            attack = Attack(port, a)
            summary = attack.finish(60)
            peak = sampler.stop()
            time.sleep(1)
            print(f"attackers alone ({a.idle} idle, {a.drips} dripping, {a.oversized} oversized): {summary}")
            print(f"  server RSS: before {before:.0f} MB, peak during {peak:.0f} MB, after {rss_mb(pid):.0f} MB")

            before = rss_mb(pid)
            sampler = Sampler(pid)
            sampler.start()
            attack = Attack(port, a)
            attacked, rc, out = infer(port, image)
            print(f"real client beside them: {attacked:.1f} s, exit {rc} ({out})")
            summary = attack.finish(60)
            peak = sampler.stop()
            time.sleep(1)
            print(f"  {summary}")
            print(f"  server RSS: before {before:.0f} MB, peak during {peak:.0f} MB, after {rss_mb(pid):.0f} MB")

            flood = [connect(port) for _ in range(a.flood)]
            time.sleep(0.5)
            busy, rc, out = infer(port, image)
            print(f"real client beside {a.flood} idle connections: {busy:.1f} s, exit {rc}: {out}")
            for s in flood:
                s.close()
            time.sleep(1)
            again, rc, out = infer(port, image)
            print(f"real client afterwards: {again:.1f} s, exit {rc} ({out}); RSS {rss_mb(pid):.0f} MB")
            turned = [l for l in log if "turned away" in l][:1]
            cut = [l for l in log if "handshake within" in l]
            print(f"server log: {len(cut)} handshake deadlines, e.g.: " + " | ".join(cut[:1] + turned))
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
