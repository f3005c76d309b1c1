"""A toy SMTP server session: its replies are SMTP codes, not HTTP statuses.

SMTP replies start with three digits as HTTP's do; the SMTP RFC gives them
their own meanings (SMTP 421 closes the channel, SMTP 503 is a bad sequence).
"""
import smtplib


class Session:
    def __init__(self, push):
        self.push = push
        self.greeted = False

    def mail(self, arg):
        if not self.greeted:
            self.push("503 Error: send HELO first")
            return
        if not arg:
            self.push("501 Syntax: MAIL FROM:<address>")
            return
        self.push("250 OK")

    def reject(self):
        status = 421
        self.push("%d Too busy, come back later" % status)

    def quit(self):
        self.push("421 Service not available, closing transmission channel")
