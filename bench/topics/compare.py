"""bench/topics, the Python side: gensim LdaMulticore and tomotopy LDA on TrendWire's tokens, then
every model's NPMI coherence on one shared reference tokenisation, and the table.

Reference: each article (title + text) as the set of its lower-case letter runs ([^\\W\\d_]+).
A listed term is tokenised the same way (a multi-word display form such as "North Korea" is
present in an article when all its words are). NPMI of two terms over N articles:
log(P(i,j) / (P(i) P(j))) / -log P(i,j), -1 when never together; a topic's coherence is the
mean over the pairs of its top 10 terms, a model's the mean over its topics.
"""
import itertools, json, math, re, sys, time

out, passes, gibbs_iters = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
spark = json.load(open(f"{out}/spark.json"))
k = spark["settings"]["k"]
display = spark["display"]
docs = [line.split() for line in open(f"{out}/tokens.txt", encoding="utf-8")]

WORD = re.compile(r"[^\W\d_]+")
reference = []
for line in open(f"{out}/docs.jsonl", encoding="utf-8"):
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

rows = []
rows.append(("TrendWire (MLlib LDA, per-language analysis)", spark["trendwire"]["seconds"], spark["trendwire"]["topics"]))
rows.append(("bare MLlib (RegexTokenizer, stop words, CV, LDA defaults)", spark["mllib"]["seconds"], spark["mllib"]["topics"]))

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

from gensim.corpora import Dictionary
from gensim.models import LdaMulticore
t0 = time.time()
dictionary = Dictionary(docs)
corpus = [dictionary.doc2bow(d) for d in docs]
lda = LdaMulticore(corpus, id2word=dictionary, num_topics=k, passes=passes, random_state=1)
gensim_seconds = time.time() - t0
gensim_topics = [distinct_top([dictionary[i] for i, _ in lda.get_topic_terms(t, topn=30)]) for t in range(k)]
rows.append((f"gensim LdaMulticore ({passes} passes, workers=default)", gensim_seconds, gensim_topics))

import tomotopy as tp
t0 = time.time()
mdl = tp.LDAModel(k=k, seed=1)
for d in docs:
    if d:
        mdl.add_doc(d)
mdl.train(gibbs_iters, workers=2)
tomotopy_seconds = time.time() - t0
tomotopy_topics = [distinct_top([w for w, _ in mdl.get_topic_words(t, top_n=30)]) for t in range(k)]
rows.append((f"tomotopy LDA ({gibbs_iters} Gibbs iterations, 2 workers)", tomotopy_seconds, tomotopy_topics))

print(f"{spark['articles']} articles, vocabulary {spark['vocabulary']}, k = {k}; "
      f"TrendWire internal NPMI {spark['trendwire']['internal_coherence']:.3f}, log-perplexity {spark['trendwire']['log_perplexity']:.3f}")
print(f"{'model':62} {'NPMI':>7} {'seconds':>8}")
result = {}
for name, secs, topics in rows:
    c = coherence(topics)
    result[name] = c
    print(f"{name:62} {c:7.3f} {secs:8.1f}")
tw = rows[0]
print(f"TrendWire coherence >= every other: {all(result[tw[0]] >= v for v in result.values())}; "
      f"TrendWire time / gensim time: {tw[1] / gensim_seconds:.2f}")
print("TrendWire topics:")
for t in tw[2]:
    print("  " + ", ".join(t))
