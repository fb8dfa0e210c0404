"""Near-duplicate grouping: reposts join, unrelated stories stay apart, incremental and reloadable."""

from __future__ import annotations

import datetime as dt

from peristiwa.merge.duplicates import DuplicateIndex

STORY = (
    "Tim Densus 88 Antiteror Polri menangkap tiga terduga teroris di Kabupaten Sleman, Daerah Istimewa "
    "Yogyakarta, Selasa malam. Ketiganya diduga anggota jaringan yang merencanakan serangan bom ke pos "
    "polisi. Polisi menyita dua bom rakitan dan sejumlah dokumen dari rumah kontrakan mereka di Depok."
)
OTHER = (
    "Ribuan mahasiswa berunjuk rasa di depan Gedung DPR, Jakarta, menuntut pembatalan revisi undang-undang. "
    "Polisi menembakkan gas air mata untuk membubarkan massa yang melempari petugas dengan batu dan botol."
)


def test_repost_with_furniture_joins_the_original() -> None:
    idx = DuplicateIndex(threshold=0.6)
    idx.add("orig", STORY, dt.date(2019, 3, 12))
    idx.add("repost", STORY + "\nBaca juga: Polisi Perketat Pengamanan", dt.date(2019, 3, 13))
    idx.add("other", OTHER, dt.date(2019, 3, 12))
    groups = idx.groups()
    assert len(groups) == 1
    assert groups[0].members == ("orig", "repost") and groups[0].canonical == "orig"
    assert idx.group_of("other") == "other"


def test_adding_is_idempotent_and_incremental() -> None:
    idx = DuplicateIndex()  # one word changed: true shingle Jaccard 0.58, above the default 0.5
    idx.add("a", STORY)
    idx.add("a", STORY)
    assert idx.groups() == []
    idx.add("b", STORY.replace("tiga", "empat"))
    assert [g.members for g in idx.groups()] == [("a", "b")]


def test_signatures_round_trip() -> None:
    idx = DuplicateIndex()
    sig = idx.signature(STORY)
    again = idx.load_signature(idx.dump_signature(sig))
    assert again.jaccard(sig) == 1.0
    fresh = DuplicateIndex()
    fresh.add_signature("x", again, None, len(STORY))
    fresh.add("y", STORY)
    assert fresh.group_of("y") == fresh.group_of("x")


LONG = " ".join([STORY, OTHER, STORY.replace("Sleman", "Bantul"), OTHER.replace("DPR", "DPRD")])


def test_truncated_excerpt_joins_by_containment_but_not_a_rewrite() -> None:
    idx = DuplicateIndex()
    idx.add("full", LONG, dt.date(2019, 3, 12))
    excerpt = LONG[: len(LONG) // 3] + " Baca selengkapnya di situs kami."
    idx.add("excerpt", excerpt, dt.date(2019, 3, 12))
    rewrite = (
        "Tiga orang yang diduga teroris ditangkap Densus 88 di wilayah Sleman, Yogyakarta, pada Selasa "
        "malam; menurut polisi mereka berencana menyerang pos polisi dan dua bom rakitan disita dari "
        "kontrakan di Depok."
    )
    idx.add("rewrite", rewrite, dt.date(2019, 3, 13))
    assert idx.group_of("excerpt") == idx.group_of("full")
    assert idx.group_of("rewrite") == "rewrite"
    link = idx.link_of("excerpt")
    assert link is not None and link.other == "full" and link.containment >= 0.8 > link.jaccard
    (group,) = idx.groups()
    assert group.canonical == "full"  # same day: the most complete copy


def test_signatures_are_stored_as_uint32() -> None:
    idx = DuplicateIndex(num_perm=64)
    assert len(idx.dump_signature(idx.signature(STORY))) == 64 * 4
