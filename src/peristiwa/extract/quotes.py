"""Stage ``extract.quotes``: direct and indirect quotes, their speakers and citation chains.

Why this shape: a quote record must say *what* was said (a span of the text), *who* said it (one
identity per person per document, "dia" and "Boy" resolved to "Boy Rafli Amar") and *through whom* the
article got it (``via``: "Ria Novosti", "The Guardian", nearest first). The work is split so each part
can be read and tested alone:

- :mod:`.quotes_marks`    pairs quotation marks into direct-quote spans (mismatched and unclosed marks);
- :mod:`.quotes_frames`   finds the cue and speaker phrase around a direct quote, and reads via chains;
- :mod:`.quotes_indirect` finds reported clauses ("X mengatakan, ...", "Menurut X, ...", "..., X said");
- :mod:`.speakers`        reads speaker phrases (role, affiliation, name) and resolves them per document;
- :mod:`.quotes_lexicon`  compiles the language pack's ``reporting_verbs.tsv`` and ``quote_cues.toml``.

Direct quotes without an attribution of their own take it from their neighbours: the other half of a
quote split around its attribution ("“…,” kata dia. “…”"), a quote continued in the next paragraph, or,
for a paragraph that is only a quotation, the speaker of the surrounding text. Whether the two halves of a
split quote stay two records (Indonesian gold) or become one (English, PolNeAR) is the pack's
``[frames] join_split`` setting.

Stage options (``[stages."extract.quotes"]``): ``standalone_min_words`` (default 3), the fewest words a
quotation needs to count without an attribution of its own.
"""

from __future__ import annotations

import bisect

from ..model import Document, Quote, Span
from ..pipeline import StageContext, StageFn, registry
from ..text.segment import split_sentences
from .quotes_frames import Attribution, Candidate, attribute_after, attribute_before, credit_outlets
from .quotes_indirect import find_indirect
from .quotes_lexicon import QuoteLexicon, lexicon_for
from .quotes_marks import MarkedQuote, find_marked_quotes, paragraphs
from .speakers import Resolver

__all__ = ["extract_quotes", "make_stage", "quote_for_span"]

Sentence = tuple[int, int, int]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class _Sentences:
    """Sentence lookup by offset (binary search)."""

    def __init__(self, sents: list[Sentence]) -> None:
        self.sents = sents
        self.starts = [s for s, _, _ in sents]

    def index_at(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.sents[i][1]:
            return i
        return None

    def window_after(self, pos: int, para_end: int) -> int:
        """End of the sentence that continues after ``pos`` (or the next sentence when one ends at it)."""
        i = self.index_at(pos)
        if i is None:
            j = bisect.bisect_right(self.starts, pos)
            return min(self.sents[j][1], para_end) if j < len(self.sents) else para_end
        return min(self.sents[i][1], para_end)

    def start_of(self, pos: int, para_start: int) -> int:
        """Start of the sentence containing ``pos`` (the paragraph start when none does)."""
        i = self.index_at(pos)
        return max(self.sents[i][0], para_start) if i is not None else para_start

    def start_before(self, pos: int, para_start: int) -> int:
        i = self.index_at(max(pos - 1, 0))
        return max(self.sents[i][0], para_start) if i is not None else para_start


def _words(text: str, s: int, e: int) -> int:
    return len(text[s:e].split())


def _direct(text: str, marked: list[MarkedQuote], sents: _Sentences, lex: QuoteLexicon, own: str | None,
            min_words: int) -> list[Candidate]:
    """Attribute each marked quote; unattributed ones inherit or stand alone, others are dropped."""
    attrs: list[Attribution | None] = []
    for i, q in enumerate(marked):
        attr = None
        if q.close is not None:
            attr = attribute_after(text, q.outer_end, sents.window_after(q.outer_end, q.para_end), lex, own)
        if attr is None:
            lo = sents.start_before(q.open, q.para_start)
            if i > 0 and marked[i - 1].paragraph == q.paragraph:
                lo = max(lo, marked[i - 1].outer_end)
            attr = attribute_before(text, lo, q.open, lex)
        attrs.append(attr)
    donor: dict[int, int] = {}
    # continuation across paragraphs: an unclosed quote takes the attribution of the next paragraph's quote
    for i in range(len(marked) - 2, -1, -1):
        q, nxt = marked[i], marked[i + 1]
        if attrs[i] is None and q.unclosed and nxt.paragraph == q.paragraph + 1 and not text[
            nxt.para_start : nxt.open
        ].strip():
            attrs[i] = _inherit(attrs[i + 1])
            donor[i] = i + 1
    accepted: list[tuple[int, Candidate]] = []
    for i, q in enumerate(marked):
        attr = attrs[i]
        if attr is None and _sentence_initial(text, sents.start_of(q.open, q.para_start), q.open):
            # a quotation opening a sentence continues its neighbour's statement ("“…,” kata dia. “…”")
            same = [j for j in (i - 1, i + 1) if 0 <= j < len(marked) and marked[j].paragraph == q.paragraph]
            for j in same:
                if attrs[j] is not None and attrs[j].frame != "inherit":  # type: ignore[union-attr]
                    attr = _inherit(attrs[j])
                    donor[i] = j
                    break
        if attr is None and not _standalone(text, q, sents, min_words, lex):
            continue
        if attr is not None and attr.frame in {"subj", "post", "postsubj"} and _title(text, q):
            continue
        pos = attr.mention.start if attr is not None and attr.mention is not None else q.start
        accepted.append((i, Candidate(q.start, q.end, True, attr, pos, 0)))
    if lex.join_split:
        accepted = _join(text, marked, accepted, donor)
    return [c for _, c in accepted]


def _title(text: str, q: MarkedQuote) -> bool:
    """A short title-case quotation ("Meet the Press"): a name of a show or work, not speech."""
    content = text[q.start : q.end]
    words = [w for w in content.split() if w[:1].isalpha()]
    if len(words) < 2 or len(words) > 6 or content[-1] in ".!?…":
        return False
    return all(w[0].isupper() or len(w) <= 3 for w in words) and words[0][0].isupper()


def _join(text: str, marked: list[MarkedQuote], accepted: list[tuple[int, Candidate]], donor: dict[int, int]
          ) -> list[tuple[int, Candidate]]:
    """One statement per quotation interrupted by its attribution or continued over paragraphs.

    With the pack's ``join_split`` (English news, PolNeAR), "“A,” he said. “B”" is one quote whose
    content runs from A to B; a paragraph that is only a quotation joins the quote just before it.
    """
    out: list[tuple[int, Candidate]] = []
    for i, c in accepted:
        if out:
            j, p = out[-1]
            linked = donor.get(i) == j or donor.get(j) == i
            follows = (
                c.attribution is None and marked[i].paragraph == marked[j].paragraph + 1
                and not text[marked[i].para_start : marked[i].open].strip() and c.start - p.end <= 200
            )
            if linked or follows:
                attr = p.attribution if p.attribution is not None and p.attribution.frame != "inherit" else (
                    c.attribution or p.attribution)
                pos = attr.mention.start if attr is not None and attr.mention is not None else p.start
                out[-1] = (i, Candidate(p.start, c.end, True, attr, pos, 0))
                continue
        out.append((i, c))
    return out


def _inherit(attr: Attribution | None) -> Attribution | None:
    if attr is None:
        return None
    return Attribution("inherit", attr.cue, attr.cue_span, attr.mention, attr.via)


def _sentence_initial(text: str, lo: int, pos: int) -> bool:
    """Nothing but a finished sentence before ``pos`` (a splitter may miss "said. ''So ...''")."""
    before = text[lo:pos].rstrip()
    return not before or before[-1] in ".!?"


def _standalone(text: str, q: MarkedQuote, sents: _Sentences, min_words: int, lex: QuoteLexicon) -> bool:
    """A quotation that is a sentence of its own (not a title or scare quote inside a sentence)."""
    if _words(text, q.start, q.end) < min_words:
        return False
    lo = sents.start_before(q.open, q.para_start)
    blank = not text[lo : q.open].strip()
    # "..., Mr. Lou said. ''So ...''": a quotation continuing a reported sentence stands on its own
    reported = _sentence_initial(text, lo, q.open) and lex.any_re.search(text, lo, q.open) is not None
    if not (blank or reported) and text[q.para_start : q.open].strip():
        return False
    after = text[q.outer_end : sents.window_after(q.outer_end, q.para_end)].strip()
    if not text[q.para_start : q.open].strip() and _words(text, q.start, q.end) >= 6:
        return True  # a paragraph opening with a long quotation ("“...,” buka pria itu.")
    return q.unclosed or not after or not after[0].isalnum() or text[q.end - 1 : q.end] in ".!?…"


def extract_quotes(doc: Document, lex: QuoteLexicon, min_words: int = 3) -> tuple[Quote, ...]:
    """All quotes of ``doc`` (its language's lexicon ``lex``), in text order with ids q1, q2, ..."""
    text = doc.text
    paras = paragraphs(text)
    raw = [(s.start, s.end, s.paragraph) for s in doc.sentences] or [
        (s.start, s.end, s.paragraph) for s in split_sentences(text)
    ]
    sents = _Sentences(raw)
    own = lex.outlet(doc.source) if doc.source else None
    credit = credit_outlets(text, paras, lex)
    direct = _direct(text, find_marked_quotes(text), sents, lex, own, min_words)
    spans = sorted([(c.start - 1, c.end + 1) for c in direct] + [
        c.attribution.cue_span for c in direct if c.attribution is not None and c.attribution.cue_span is not None
    ])
    starts = [a for a, _ in spans]

    def blocked(pos: int) -> bool:
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and pos < spans[i][1]

    indirect = find_indirect(text, raw, lex, blocked, own)
    kept: list[Candidate] = list(direct)
    for c in sorted(indirect, key=lambda c: (c.rank, c.start)):
        if all(_overlap((c.start, c.end), (k.start, k.end)) <= 0.5 * min(c.end - c.start, k.end - k.start)
               for k in kept):
            kept.append(c)
    mentions = [c.attribution.mention for c in kept if c.attribution is not None and c.attribution.mention]
    resolver = Resolver(doc, lex, [(c.start, c.end) for c in kept], mentions)
    resolved: dict[int, tuple[str | None, str | None, str | None]] = {}
    for c in sorted(kept, key=lambda c: (c.pos, c.start)):
        mention = c.attribution.mention if c.attribution is not None else None
        resolved[id(c)] = resolver.resolve(mention, c.pos)
    quotes: list[Quote] = []
    for n, c in enumerate(sorted(kept, key=lambda c: c.start), start=1):
        speaker, role, affiliation = resolved[id(c)]
        attr = c.attribution
        mention = attr.mention if attr is not None else None
        via = tuple(v for v in dict.fromkeys((*(attr.via if attr else ()), *credit)) if v != speaker)
        quotes.append(
            Quote(
                id=f"q{n}",
                content=Span(c.start, c.end),
                direct=c.direct,
                speaker=speaker,
                speaker_span=Span(mention.start, mention.end) if mention is not None else None,
                speaker_role=role,
                speaker_affiliation=affiliation,
                cue=attr.cue if attr is not None else None,
                cue_span=Span(*attr.cue_span) if attr is not None and attr.cue_span else None,
                via=via,
            )
        )
    return tuple(quotes)


def quote_for_span(doc: Document, start: int, end: int) -> Quote | None:
    """The quote whose content overlaps ``[start, end)`` most (at least half of the shorter), else None.

    For the event stage: an event stated inside a quote has that quote's speaker as its ``source``.
    """
    best: Quote | None = None
    best_overlap = 0
    for q in doc.quotes:
        shared = _overlap((q.content.start, q.content.end), (start, end))
        if shared > best_overlap and shared >= 0.5 * min(q.content.end - q.content.start, end - start):
            best, best_overlap = q, shared
    return best


@registry.stage("extract.quotes", version=1, requires=("sentences", "tokens", "entities"), provides=("quotes",))
def make_stage(ctx: StageContext) -> StageFn:
    """Direct and indirect quotes with resolved speakers and via chains (needs the pack's quote data)."""
    min_words = int(ctx.options.get("standalone_min_words", 3))

    def run(doc: Document) -> Document:
        lex = lexicon_for(ctx.packs.get(doc.lang))
        if lex is None:
            return doc.with_layers(quotes=())
        return doc.with_layers(quotes=extract_quotes(doc, lex, min_words))

    return run
