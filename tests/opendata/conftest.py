from tests.api.conftest import api, content  # noqa: F401 - the API suite's portal content
