"""Bytes to clean text: decoding, binary detection and the normalisation every input goes through.

Why here and once: offsets of every later layer point into ``Document.text``, so the text must be fixed
before the first stage runs, and it must be the same whichever reader produced it. Normalisation is kept
deliberately small: it removes what no reader of the article can see (``\\r``, trailing spaces, control
characters, runs of blank lines, non-NFC sequences) and never touches punctuation or quotation marks (the
seed opens a quote with ``”`` and that stays as written).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["decode_bytes", "looks_binary", "normalize_text", "sniff_charset"]

# One translation table: line-break characters become \n; control characters that carry no text (and the
# byte-order mark) are deleted; \t and \n stay.
_TABLE: dict[int, str | None] = {c: None for c in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85),
                                                   *range(0x86, 0xA0), 0xFEFF)}
_TABLE.update({c: "\n" for c in (0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029)})
# translate() is slow on non-ASCII text, so it runs only when one of those characters occurs (rarely)
_SPECIAL = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")
_BLANK_RUNS = re.compile(r"\n{3,}")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)

# How much of an input is inspected to decide whether it is text.
_SNIFF_BYTES = 8192


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is evidently not text: NUL bytes, or mostly control bytes / undecodable.

    UTF-16 files (which contain NULs) are recognised by their byte-order mark and count as text.

    >>> looks_binary(b"Polisi menangkap tiga orang."), looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    (False, True)
    """
    sample = data[:_SNIFF_BYTES]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\r\f\v\x1b")
    if controls > len(sample) * 0.1:
        return True
    decoded = sample.decode("utf-8", errors="replace")
    # a cut multi-byte character at the end of the sample is not evidence of binary content
    return decoded.count("\ufffd") > max(4, len(decoded) * 0.3)


def sniff_charset(data: bytes, declared: str | None = None) -> str:
    """The codec to decode ``data`` with: a BOM, then ``declared`` (HTTP header), then ``<meta charset>``.

    Falls back to UTF-8; an unknown or bogus declared name is ignored rather than trusted.
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    candidates = [declared] if declared else []
    m = _CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", errors="ignore"))
    for name in candidates:
        try:
            codec = codecs.lookup(name.strip())
        except LookupError:
            continue
        # pages that declare Latin-1 are almost always Windows-1252 (as browsers assume)
        return "cp1252" if codec.name in ("latin-1", "iso8859-1") else codec.name
    return "utf-8"


def decode_bytes(data: bytes, encoding: str = "utf-8") -> tuple[str, list[str]]:
    """Decode ``data``; undecodable bytes become U+FFFD and a warning says how many places were hit.

    >>> decode_bytes(b"caf\\xc3\\xa9 \\xff ok")
    ('café \\ufffd ok', ['invalid UTF-8 replaced at 1 places'])
    """
    if encoding in ("utf-8", "utf8") and data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError:
        pass
    except LookupError:
        encoding = "utf-8"
    text = data.decode(encoding, errors="replace")
    # U+FFFD legitimately present in valid input is not a replacement we made
    legit = data.count("\ufffd".encode(encoding)) if encoding.startswith("utf-8") else 0
    hits = text.count("\ufffd") - legit
    label = "UTF-8" if encoding.startswith("utf-8") else encoding
    return text, [f"invalid {label} replaced at {hits} places"]


def normalize_text(text: str) -> str:
    """The cleaned form of a text: ``\\n`` line breaks, no trailing spaces, at most one blank line, NFC.

    Control characters and byte-order marks are dropped; quotation marks and all other punctuation are
    kept exactly as written.

    >>> normalize_text("  Satu.  \\r\\n\\r\\n\\r\\n\\r\\nDua\\u0301\\t \\r\\n")
    'Satu.\\n\\nDuá'
    """
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    if _SPECIAL.search(text):
        text = text.translate(_TABLE)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    if "\n\n\n" in text:
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()
