"""The anonymous page cache keeps one copy of each page per language, and serves each address
its own: a Ukrainian page is never served for an English address, nor the other way round.

On local memory and on the real Redis (tests/test_ops_page_cache.py's `page_cache`).
"""

import pytest

from tests import test_ops_page_cache
from tests.factories import RoundFactory
from tests.test_ops_page_cache import page_cache_keys

# The same cache, on local memory and on Redis, as the page cache's own tests.
page_cache = test_ops_page_cache.page_cache


@pytest.mark.django_db(transaction=True)
def test_each_language_has_its_own_cached_copy_of_a_page(
    client, page_cache, django_assert_num_queries
):
    RoundFactory(number=1, title="Cached round Alpha")
    assert '<html lang="en">' in client.get("/").content.decode()  # fills the English copy
    ukrainian = client.get("/uk/").content.decode()
    assert '<html lang="uk">' in ukrainian  # not the English copy
    assert "Останні події" in ukrainian
    with django_assert_num_queries(0):  # both served from the cache now, each its own
        assert '<html lang="uk">' in client.get("/uk/").content.decode()
        assert '<html lang="en">' in client.get("/").content.decode()
        assert '<html lang="ru">' not in client.get("/uk/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_accept_language_does_not_split_the_cache_of_an_english_page(
    client, page_cache, django_assert_num_queries
):
    RoundFactory(number=1)
    client.get("/")
    keys = page_cache_keys(page_cache)
    with django_assert_num_queries(0):  # the English copy, whatever the browser prefers
        for header in ("uk", "ru-RU,ru;q=0.9", "de"):
            page = client.get("/", headers={"accept-language": header}).content.decode()
            assert '<html lang="en">' in page
    assert page_cache_keys(page_cache) == keys
