from tests.counseling.conftest import editorial, users  # noqa: F401 - counselors and their groups
