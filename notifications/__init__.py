"""Messages to citizens, built once for every feature: e-mail, SMS and push.

Program applications, subscriptions and counseling all tell people things. They hand a message to
this app, which picks the channel's configured sender (Django's e-mail backends; a pluggable SMS
gateway; Web Push and app push). Senders are chosen by settings, so tests and `make run` use
loopback or console doubles while production talks to real gateways.
"""
