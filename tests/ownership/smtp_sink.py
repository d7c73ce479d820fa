"""A real SMTP server on loopback that accepts every message and keeps it: enough of RFC 5321 for smtplib."""

import email
import socket
import socketserver
import threading
from email import policy


class SinkHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode("ascii") + b"\r\n")

    def handle(self):
        self.reply("220 sink ESMTP")
        recipients = []
        while line := self.rfile.readline():
            command = line.decode("ascii", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.reply("250-sink")
                self.reply("250 8BITMIME")
            elif verb == "HELO":
                self.reply("250 sink")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip(" <>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                self.server.keep(recipients, self.read_data())
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:  # RSET, NOOP
                self.reply("250 OK")

    def read_data(self):
        lines = []
        while (line := self.rfile.readline()) not in (b".\r\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)  # undo dot-stuffing
        return email.message_from_bytes(b"".join(lines), policy=policy.default)


class SmtpSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SinkHandler)
        self.messages = []  # (recipients, email.message.EmailMessage)
        self.lock = threading.Lock()

    @property
    def port(self):
        return self.server_address[1]

    def keep(self, recipients, message):
        with self.lock:
            self.messages.append((recipients, message))

    def recipients(self):
        with self.lock:
            return sorted(address for to, _message in self.messages for address in to)


def start() -> SmtpSink:
    sink = SmtpSink()
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    return sink


def stop(sink: SmtpSink) -> None:
    sink.shutdown()
    sink.server_close()


def closed_port() -> int:
    """A loopback port nothing listens on (bound once to pick it, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
