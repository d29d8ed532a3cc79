"""URLs fit to show: user info and secret-looking query values masked."""

from __future__ import annotations

import pytest

from handlers.format import mask_url, mask_urls_in


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "https://user:secret@host/feed?token=abc&page=2",
            "https://***@host/feed?token=***&page=2",
        ),
        ("https://user@host:8080/feed", "https://***@host:8080/feed"),
        (
            "https://h/x?api_key=1&apiKey=2&access_token=3&X-Amz-Signature=4&sig=5",
            "https://h/x?api_key=***&apiKey=***&access_token=***&X-Amz-Signature=***&sig=***",
        ),
        (
            "https://h/x?password=1&auth=2&secret=3&key=4&client_secret=5&privateToken=6",
            "https://h/x?password=***&auth=***&secret=***&key=***&client_secret=***"
            "&privateToken=***",
        ),
        (
            "https://h/callback#access_token=zz&state=1",
            "https://h/callback#access_token=***&state=1",
        ),
        # Nothing secret: the URL as it was, to the byte.
        ("https://host/feed?keyword=potash&page=2", "https://host/feed?keyword=potash&page=2"),
        ("https://host/feed?", "https://host/feed?"),
        ("https://h/x?token=", "https://h/x?token="),
        ("not a url", "not a url"),
    ],
)
def test_mask_url(url: str, shown: str) -> None:
    assert mask_url(url) == shown


def test_urls_inside_a_text_are_masked() -> None:
    text = (
        "ConnectError('https://a:b@h/x?token=1'); see https://h/help?key=2, or (https://h/?sig=3)."
    )
    assert mask_urls_in(text) == (
        "ConnectError('https://***@h/x?token=***'); see https://h/help?key=***, "
        "or (https://h/?sig=***)."
    )
