#!/usr/bin/env python3
"""Helpers of bench/webhook-delivery.sh: a receiver that checks signatures and logs arrivals, an event generator
(PATCHes of one media, each making a media.updated event) and the report."""
import base64, hashlib, hmac, http.client, json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def receive(port, secret_file, log_file):
    log = open(log_file, "a", buffering=1)
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            arrived = time.time()
            secret = open(secret_file).read().strip()
            key = base64.b64decode(secret[len("whsec_"):])
            signed = f"{self.headers['webhook-id']}.{self.headers['webhook-timestamp']}.".encode() + body
            expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
            valid = any(hmac.compare_digest(s, expected) for s in self.headers["webhook-signature"].split(" "))
            event = json.loads(body)
            with lock:
                log.write(json.dumps({"id": self.headers["webhook-id"], "arrived": arrived, "valid": valid,
                                      "created": event["created"],
                                      "n": event["data"]["object"]["metadata"].get("n")}) + "\n")
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


def touch(port, key, media, start, count, rate, threads):
    """PATCHes media metadata {n}; rate = events per second overall (0 = as fast as possible)."""
    per_thread = [list(range(start + t, start + count, threads)) for t in range(threads)]
    began = time.time()

    def work(numbers):
        connection = http.client.HTTPConnection("127.0.0.1", port)
        for n in numbers:
            if rate:
                wait = began + (n - start) / rate - time.time()
                if wait > 0:
                    time.sleep(wait)
            connection.request("PATCH", "/media/" + media, json.dumps({"metadata": {"n": n}}),
                                {"Authorization": "Bearer " + key, "Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"PATCH answered {response.status}")

    workers = [threading.Thread(target=work, args=(numbers,)) for numbers in per_thread]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(f"{count} events made in {time.time() - began:.1f} s")


def arrivals(log_file, start, end):
    seen = {}
    duplicates = invalid = 0
    for line in open(log_file):
        row = json.loads(line)
        if row["n"] is None or not start <= row["n"] < end:
            continue
        invalid += not row["valid"]
        if row["n"] in seen:
            duplicates += 1
        else:
            seen[row["n"]] = row
    return seen, duplicates, invalid


def count(log_file, start, end):
    print(len(arrivals(log_file, start, end)[0]))


def report(log_file, start, end, what):
    seen, duplicates, invalid = arrivals(log_file, start, end)
    times = sorted(row["arrived"] for row in seen.values())
    print(f"  events received: {len(seen)} of {end - start}; repeated deliveries: {duplicates}; "
          f"bad signatures: {invalid}")
    if what == "throughput":
        span = times[-1] - times[0]
        print(f"  first to last delivery: {span:.2f} s -> {(len(times) - 1) / span:.0f} events/s")
    else:
        from datetime import datetime
        delays = sorted((row["arrived"] - datetime.fromisoformat(row["created"].replace("Z", "+00:00"))
                         .timestamp()) * 1000 for row in seen.values())
        pick = lambda q: delays[min(len(delays) - 1, int(q * len(delays)))]
        print(f"  delay from the change to its delivery: median {pick(0.5):.0f} ms, p90 {pick(0.9):.0f} ms, "
              f"p99 {pick(0.99):.0f} ms, max {delays[-1]:.0f} ms")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "receive":
        receive(int(args[0]), args[1], args[2])
    elif command == "touch":
        touch(int(args[0]), args[1], args[2], int(args[3]), int(args[4]), float(args[5]), int(args[6]))
    elif command == "count":
        count(args[0], int(args[1]), int(args[2]))
    else:
        report(args[0], int(args[1]), int(args[2]), args[3])
