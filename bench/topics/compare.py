"""bench/topics, the Python side: gensim LdaMulticore and tomotopy LDA on TrendWire's tokens, then
every model's NPMI coherence on one shared reference tokenisation, and the table.

Input: one folder per seed (seed-<n>/, written by TopicsBenchMain with that seed): each model is
fitted once per seed, and the table gives the mean coherence and mean time over the seeds, with
the coherence of each seed beside it (one fit's coherence moves by several hundredths with the
seed alone, so one seed cannot rank models that are close).

Reference: each article (title + text) as the set of its lower-case letter runs ([^\\W\\d_]+).
A listed term is tokenised the same way (a multi-word display form such as "North Korea" is
present in an article when all its words are). NPMI of two terms over N articles:
log(P(i,j) / (P(i) P(j))) / -log P(i,j), -1 when never together; a topic's coherence is the
mean over the pairs of its top 10 terms, a model's the mean over its topics.

With PEERS=none in the environment: TrendWire's rows only (bench/topics/run.sh then skips the
bare MLlib pipeline too), for measuring TrendWire's settings on the same reference.

Usage: compare.py OUT GIBBS_ITERATIONS [GENSIM_PASSES]  (passes default: 20; gensim's coherence
no longer rose from 20 to 40 passes, docs/topics.md)
"""
import glob, itertools, json, math, os, re, statistics, sys, time

out, gibbs_iters = sys.argv[1], int(sys.argv[2])
with_peers = os.environ.get("PEERS", "all") != "none"
runs = sorted(glob.glob(f"{out}/seed-*/spark.json"))
if not runs:
    sys.exit(f"no seed-*/spark.json under {out}")

WORD = re.compile(r"[^\W\d_]+")
reference = []
for line in open(f"{os.path.dirname(runs[0])}/docs.jsonl", encoding="utf-8"):
    title, text = json.loads(line)
    reference.append(set(w.lower() for w in WORD.findall(title + " " + text)))
N = len(reference)
index = {}
for d, words in enumerate(reference):
    for w in words:
        index.setdefault(w, set()).add(d)

def docs_with(term):
    words = [w.lower() for w in WORD.findall(term)]
    if not words:
        return set()
    sets = [index.get(w, set()) for w in words]
    return set.intersection(*sets)

def npmi(a, b):
    da, db = docs_with(a), docs_with(b)
    dab = len(da & db)
    if dab == 0:
        return -1.0
    pab = dab / N
    if pab >= 1:
        return 1.0
    return math.log(pab / ((len(da) / N) * (len(db) / N))) / -math.log(pab)

def coherence(topics):
    per = [sum(npmi(a, b) for a, b in itertools.combinations(t, 2)) / (len(t) * (len(t) - 1) / 2) for t in topics]
    return sum(per) / len(per)

if with_peers:
    from gensim.corpora import Dictionary
    from gensim.models import LdaMulticore
    import tomotopy as tp

results = {}  # model name -> list of (seed, coherence, seconds)
first = None
for run in runs:
    spark = json.load(open(run))
    seed = spark["settings"]["seed"]
    k = spark["settings"]["k"]
    passes = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else 20
    display = spark["display"]
    docs = [line.split() for line in open(f"{os.path.dirname(run)}/tokens.txt", encoding="utf-8")]

    def distinct_top(ranked, n=10):
        # Same rule as TrendWire: skip a term displayed like one already listed.
        seen, top = set(), []
        for stem in ranked:
            shown = display.get(stem, stem)
            if shown.lower() not in seen:
                seen.add(shown.lower())
                top.append(shown)
            if len(top) == n:
                break
        return top

    settings = spark["settings"]
    rows = [(f"TrendWire ({settings['optimizer']}, {settings['maxIterations']} iterations"
             + (f", {settings['chains']} chains)" if settings["optimizer"] == "gibbs" else ")"),
             spark["trendwire"]["seconds"], spark["trendwire"]["topics"])]
    if "mllib" in spark:
        rows.append(("bare MLlib (RegexTokenizer, stop words, CV, LDA defaults)", spark["mllib"]["seconds"], spark["mllib"]["topics"]))

    if with_peers:
        t0 = time.time()
        dictionary = Dictionary(docs)
        corpus = [dictionary.doc2bow(d) for d in docs]
        lda = LdaMulticore(corpus, id2word=dictionary, num_topics=k, passes=passes, random_state=seed)
        gensim_seconds = time.time() - t0
        rows.append((f"gensim LdaMulticore ({passes} passes, workers=default)", gensim_seconds,
                     [distinct_top([dictionary[i] for i, _ in lda.get_topic_terms(t, topn=30)]) for t in range(k)]))

        t0 = time.time()
        mdl = tp.LDAModel(k=k, seed=seed)
        for d in docs:
            if d:
                mdl.add_doc(d)
        mdl.train(gibbs_iters, workers=2)
        tomotopy_seconds = time.time() - t0
        rows.append((f"tomotopy LDA ({gibbs_iters} Gibbs iterations, 2 workers)", tomotopy_seconds,
                     [distinct_top([w for w, _ in mdl.get_topic_words(t, top_n=30)]) for t in range(k)]))

    for name, secs, topics in rows:
        results.setdefault(name, []).append((seed, coherence(topics), secs))
    if first is None:
        first = spark
        print(f"{spark['articles']} articles, vocabulary {spark['vocabulary']}, k = {k}, seeds: "
              + " ".join(os.path.basename(os.path.dirname(r))[5:] for r in runs))
    print(f"seed {seed}: TrendWire internal NPMI {spark['trendwire']['internal_coherence']:.3f}, "
          f"log-perplexity {spark['trendwire']['log_perplexity']:.3f}")

print(f"{'model':62} {'NPMI':>6} {'per seed':>22} {'seconds':>8}")
mean = {}
for name, per_seed in results.items():
    c = statistics.mean(x[1] for x in per_seed)
    s = statistics.mean(x[2] for x in per_seed)
    mean[name] = (c, s)
    print(f"{name:62} {c:6.3f} {' '.join(f'{x[1]:6.3f}' for x in per_seed):>22} {s:8.1f}")
names = list(results)
if with_peers:
    tw, gensim = mean[names[0]], next(v for n, v in mean.items() if n.startswith("gensim"))
    print(f"TrendWire mean coherence >= every other's: {all(tw[0] >= v[0] for v in mean.values())}; "
          f"TrendWire time / gensim time: {tw[1] / gensim[1]:.2f}")
print(f"TrendWire topics (seed {first['settings']['seed']}):")
for t in first["trendwire"]["topics"]:
    print("  " + ", ".join(t))
