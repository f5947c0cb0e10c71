import pytest

from lru_cache import LruCache


def test_oldest_entry_is_evicted_when_full():
    c = LruCache(2)
    c.put("a", 1)
    c.put("b", 2)
    c.put("c", 3)
    assert c.get("a") is None
    assert c.keys() == ["b", "c"]


def test_reading_an_entry_protects_it_from_eviction():
    c = LruCache(2)
    c.put("a", 1)
    c.put("b", 2)
    assert c.get("a") == 1
    c.put("c", 3)
    assert c.keys() == ["a", "c"]


def test_loader_runs_once_per_key():
    calls = []
    c = LruCache(3)
    for _ in range(3):
        assert c.get_or_load(7, lambda k: calls.append(k) or k * 2) == 14
    assert calls == [7]
    assert (c.hits, c.misses) == (2, 1)


def test_updating_a_key_keeps_one_entry():
    c = LruCache(2)
    c.put("a", 1)
    c.put("a", 5)
    assert c.keys() == ["a"]
    assert c.get("a") == 5


def test_capacity_must_be_positive():
    with pytest.raises(ValueError):
        LruCache(0)
