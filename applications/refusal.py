"""Why an application was not taken."""


class Refused(Exception):
    """The application cannot be taken: `code` for clients, `message` in Korean for people,
    `extra` added to the error envelope (the question that made an applicant ineligible …)."""

    def __init__(self, code: str, message: str, **extra):
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra
