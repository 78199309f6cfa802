"""The knowledge-base name key: what makes "Hyaluronsäure", "hyaluronsaure" and "HYALURON-SÄURE" meet."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from skincli.kb.names import name_key, name_keys


@given(st.text())
def test_name_key_never_fails_and_is_idempotent(text):
    key = name_key(text)
    assert name_key(key) == key
    assert key == "" or key.isalnum()


@given(st.text())
def test_name_keys_contain_the_plain_key(text):
    keys = name_keys(text)
    assert name_key(text) in keys or name_key(text) == ""
    assert all(k for k in keys)


def test_spellings_meet():
    assert name_key("Hyaluronsäure") == name_key("hyaluronsaure") == name_key("HYALURON-SÄURE")
    assert name_key("Vitamin C") == name_key("vitamin-c") == name_key("VITAMIN  C")
    assert "hyaluronsaeure" in name_keys("Hyaluronsäure")  # the German transliteration answers too
    assert name_key("Golüke") == "goluke"
