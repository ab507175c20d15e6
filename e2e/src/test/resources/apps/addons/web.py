"""A counter in PostgreSQL and in Redis, and a mail sender, all reached through the addons' config vars."""
import os
import smtplib
import socket
import ssl
import sys
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlparse

import psycopg2
import redis


def count():
    with psycopg2.connect(os.environ["DATABASE_URL"]) as db, db.cursor() as cur:
        cur.execute("UPDATE counter SET n = n + 1 WHERE id = 1 RETURNING n")
        pg = cur.fetchone()[0]
    cache = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=5)
    return "pg=%d redis=%d" % (pg, cache.incr("counter"))


def mail(subject, password=None):
    url = urlparse(os.environ["SMTP_URL"])
    message = EmailMessage()
    message["From"] = "app@example.com"
    message["To"] = "someone@example.org"
    message["Subject"] = subject
    message.set_content("Hello from the app.")
    with smtplib.SMTP(url.hostname, url.port, timeout=10) as smtp:
        smtp.starttls(context=ssl._create_unverified_context())
        smtp.login(unquote(url.username), password or unquote(url.password))
        smtp.send_message(message)
    return "sent"


def probe(host, port):
    try:
        socket.create_connection((host, int(port)), timeout=3).close()
        return "open"
    except OSError as e:
        return "closed: %s" % e


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        try:
            if url.path == "/count":
                body = count()
            elif url.path == "/mail":
                body = mail(query.get("subject", "hello"), query.get("password"))
            elif url.path == "/probe":
                body = probe(query["host"], query["port"])
            else:
                body = "ok"
            status = 200
        except Exception as e:
            body, status = "%s: %s" % (type(e).__name__, e), 500
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        print("request %s" % (fmt % args), file=sys.stdout, flush=True)


if __name__ == "__main__":
    print("listening on %s" % os.environ["PORT"], flush=True)
    ThreadingHTTPServer(("0.0.0.0", int(os.environ["PORT"])), Handler).serve_forever()
