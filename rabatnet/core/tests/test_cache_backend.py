"""The cache shared by every worker: files under var/cache by default, Redis by CACHE_URL."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache, caches

from config.settings.base import VAR_DIR, cache_from_url


def test_the_default_cache_is_files_under_var_shared_by_every_worker():
    config = cache_from_url("")

    assert config["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert config["LOCATION"] == str(VAR_DIR / "cache")


@pytest.mark.parametrize(
    "url", ["redis://127.0.0.1:6379/1", "rediss://cache.example.org:6380/0", "unix:///run/r.sock"]
)
def test_a_redis_cache_url_selects_djangos_redis_cache(url: str):
    config = cache_from_url(url)

    assert config == {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}


def test_another_cache_url_is_read_by_django_environ():
    config = cache_from_url("dbcache://rabatnet_cache")

    assert config["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert config["LOCATION"] == "rabatnet_cache"


@pytest.mark.skipif(not os.environ.get("CACHE_URL"), reason="CACHE_URL not set (CI sets it)")
def test_the_cache_of_cache_url_is_the_one_in_use_and_answers():
    assert settings.CACHES["default"]["LOCATION"] == os.environ["CACHE_URL"]
    assert type(caches["default"]).__name__ == "RedisCache"

    cache.set("rabatnet-ping", {"ok": True}, 10)

    assert cache.get("rabatnet-ping") == {"ok": True}
    cache.delete("rabatnet-ping")
