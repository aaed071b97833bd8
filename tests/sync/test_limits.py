#!/usr/bin/env python3
# test_limits.py — requests over their limit are refused on their headers,
# before the body is read: with and without `Expect: 100-continue`, chunked,
# a smaller limit without a device token, a bound on connections per
# address; the server's memory stays flat under 8 × 200 MB posts.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
import unittest

if len(sys.argv) > 2 and os.path.sep in sys.argv[1]:   # meson passes the programs
    os.environ["SHOUWEN_CTL"] = sys.argv.pop(1)
    os.environ["SHOUWEN_SERVER"] = sys.argv.pop(1)

import syncenv
from syncenv import enrol, make_world, meta

MB = 1024 * 1024


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def post(port, path, length, token=None, expect=False, chunked=False, send=None, timeout=60):
    """Sends a POST of `length` zero bytes (or `send` bytes of them when the
    body is chunked) and returns (status, body, bytes the client got to
    send). The body is streamed, never held whole."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        return exchange(s, port, path, length, token, expect, chunked, send, timeout)
    finally:
        s.close()


def exchange(s, port, path, length, token, expect, chunked, send, timeout):
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
    if token:
        head += f"Authorization: Bearer {token}\r\n"
    head += "Transfer-Encoding: chunked\r\n" if chunked else f"Content-Length: {length}\r\n"
    if expect:
        head += "Expect: 100-continue\r\n"
    s.sendall((head + "\r\n").encode())
    sent = 0
    piece = b" " * MB
    total = send if chunked else length
    try:
        if expect:
            s.settimeout(5)
            first = s.recv(65536)
            if not first.startswith(b"HTTP/1.1 100"):
                return parse(first + read_all(s)) + (0,)
            s.settimeout(timeout)
        while sent < total:
            n = min(MB, total - sent)
            data = piece[:n]
            s.sendall(b"%x\r\n%s\r\n" % (n, data) if chunked else data)
            sent += n
        if chunked:
            s.sendall(b"0\r\n\r\n")
    except (BrokenPipeError, ConnectionResetError):
        pass
    return parse(read_all(s)) + (sent,)


def read_all(s):
    out = b""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            out += b
            if b"\r\n\r\n" in out:
                head, _, body = out.partition(b"\r\n\r\n")
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:") and len(body) >= int(line.split(b":")[1]):
                        return out
    except (ConnectionResetError, socket.timeout):
        pass
    return out


def parse(raw):
    if not raw:
        return (0, b"")
    head, _, body = raw.partition(b"\r\n\r\n")
    return (int(head.split(b" ")[1]), body)


def code_of(body):
    return json.loads(body)["error"]["code"]


class LimitsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="shouwen-limits-")
        conf = os.path.join(cls.tmp, "server.conf")
        with open(conf, "w") as f:
            f.write("[server]\nmax-connections-per-address=12\n")
        cls.server = make_world(cls.tmp, "--config", conf)
        cls.a = enrol(cls.server, cls.tmp, "a", "BJ01")
        cls.token = meta(cls.a.db, "sync_token")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp)

    def test_content_length_refused_on_headers(self):
        # a device may send 8 MB; 9 MB is refused before it is read
        status, body, _ = post(self.server.port, "/api/v1/sync/push", 9 * MB, token=self.token)
        self.assertEqual((status, code_of(body)), (413, "too_large"))

    def test_expect_continue_never_sends_the_body(self):
        status, body, sent = post(self.server.port, "/api/v1/sync/push", 50 * MB, token=self.token,
                                  expect=True)
        self.assertEqual((status, code_of(body), sent), (413, "too_large", 0))

    def test_chunked_past_the_limit_gets_413(self):
        status, body, _ = post(self.server.port, "/api/v1/sync/push", 0, token=self.token,
                               chunked=True, send=20 * MB)
        self.assertEqual((status, code_of(body)), (413, "too_large"))

    def test_anonymous_limit_is_smaller(self):
        # enrolment carries a code and a device id: 64 KB is plenty
        status, body, _ = post(self.server.port, "/api/v1/enrol", 200 * 1024)
        self.assertEqual((status, code_of(body)), (413, "too_large"))
        # a token that does not authenticate counts as none
        status, body, _ = post(self.server.port, "/api/v1/sync/push", 200 * 1024, token="0" * 64)
        self.assertEqual((status, code_of(body)), (413, "too_large"))
        status, body, _ = post(self.server.port, "/api/v1/enrol", 200 * 1024, chunked=True,
                               send=200 * 1024)
        self.assertEqual((status, code_of(body)), (413, "too_large"))
        # within the limit the request is read and judged on its content
        status, body = self.server.request("POST", "/api/v1/enrol", raw=b"{" + b" " * 1000 + b"}")
        self.assertEqual(status, 400)
        # a device's push of 200 KB is read (and refused for what it holds, not its size)
        status, body = self.server.request("POST", "/api/v1/sync/push", raw=b" " * (200 * 1024),
                                           token=self.token)
        self.assertNotEqual(code_of(body), "too_large")

    def test_connections_per_address_are_bounded(self):
        held = [socket.create_connection(("127.0.0.1", self.server.port)) for _ in range(12)]
        try:
            for s in held:   # each becomes a connection the server tracks
                s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                self.assertEqual(parse(read_all(s))[0], 200)
            status, body, _ = post(self.server.port, "/api/v1/enrol", 10)
            self.assertEqual((status, code_of(body)), (503, "unavailable"))
        finally:
            for s in held:
                s.close()
        # connections the client closed no longer count
        status, body = self.server.request("GET", "/healthz")
        self.assertEqual(status, 200)

    def test_memory_flat_under_large_posts(self):
        pid = self.server.proc.pid
        self.server.request("GET", "/healthz")
        before = rss_kb(pid)
        results = []

        def one(i):
            path = "/api/v1/enrol" if i % 2 else "/api/v1/sync/push"
            results.append(post(self.server.port, path, 200 * MB, token=None if i % 2 else self.token))

        threads = [threading.Thread(target=one, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        after = rss_kb(pid)
        print(f"server RSS before {before} kB, after 8 × 200 MB posts {after} kB "
              f"(+{after - before} kB); the clients got to send "
              f"{sum(r[2] for r in results) // MB} MB of {8 * 200} MB", file=sys.stderr)
        self.assertEqual(len(results), 8)
        for status, body, _ in results:
            self.assertEqual((status, code_of(body)), (413, "too_large"))
        # flat, not by the bodies' size (1,600 MB): the sanitizers' allocator
        # keeps some MB of freed memory in quarantine
        self.assertLess(after - before, 32 * 1024)
        status, _ = self.server.request("GET", "/healthz")
        self.assertEqual(status, 200)


if __name__ == "__main__":
    unittest.main(verbosity=2)
