"""The gazetteer is built once and then loaded from a cache named by what it is built from."""

from pipeline import places


def test_the_cached_gazetteer_is_the_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv("HUMSTAT_CACHE", str(tmp_path))
    places.gazetteer.cache_clear()
    try:
        built = places.gazetteer()
        [cached] = tmp_path.glob("gazetteer-*.pickle")
        places.gazetteer.cache_clear()
        monkeypatch.setattr(places, "_build_gazetteer", lambda: {"never": {"XXX": 0}})  # a rebuild would show
        assert places.gazetteer() == built
        assert "kandahar" in built and "AFG" in built["kandahar"]
        cached.write_bytes(b"not a pickle")  # a damaged cache is rebuilt, never trusted
        places.gazetteer.cache_clear()
        assert places.gazetteer() == {"never": {"XXX": 0}}
    finally:
        places.gazetteer.cache_clear()
