package dev.aap.agent.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BM25 over code-aware tokens (symbol names and paths weigh more than body text), fused with vector similarity by
 * reciprocal rank when the index has embeddings.
 */
final class HybridSearch {

    /** The usual RRF constant: ranks deep in either list still count, but the top of each list dominates. */
    private static final int RRF_K = 60;
    private static final int MAX_TERMS = 64;
    private static final Query CHUNKS = new TermQuery(new Term(Documents.TYPE, Documents.CHUNK));

    private HybridSearch() {
    }

    static List<Hit> search(IndexSearcher searcher, CodeAnalyzer analyzer, String query, int limit, boolean vectors)
            throws IOException {
        if (limit <= 0 || query.isBlank()) {
            return List.of();
        }
        int depth = Math.max(50, limit * 5);
        ScoreDoc[] lexical = lexical(searcher, analyzer.terms(query), depth);
        if (!vectors) {
            var hits = new ArrayList<Hit>();
            for (int i = 0; i < Math.min(limit, lexical.length); i++) {
                hits.add(Documents.hit(searcher.storedFields().document(lexical[i].doc), lexical[i].score));
            }
            return hits;
        }
        ScoreDoc[] semantic = searcher.search(
                new KnnFloatVectorQuery(Documents.VECTOR, Embedder.embed(query), depth, CHUNKS), depth).scoreDocs;
        Map<Integer, Double> fused = new LinkedHashMap<>();
        addRanks(fused, lexical);
        addRanks(fused, semantic);
        var hits = new ArrayList<Hit>();
        for (var e : fused.entrySet().stream().sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .limit(limit).toList()) {
            hits.add(Documents.hit(searcher.storedFields().document(e.getKey()), e.getValue()));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits;
    }

    private static ScoreDoc[] lexical(IndexSearcher searcher, Set<String> terms, int depth) throws IOException {
        if (terms.isEmpty()) {
            return new ScoreDoc[0];
        }
        var any = new BooleanQuery.Builder();
        terms.stream().limit(MAX_TERMS).forEach(t -> {
            any.add(new TermQuery(new Term(Documents.TEXT, t)), BooleanClause.Occur.SHOULD);
            any.add(new BoostQuery(new TermQuery(new Term(Documents.NAME, t)), 3f), BooleanClause.Occur.SHOULD);
            any.add(new BoostQuery(new TermQuery(new Term(Documents.PATH, t)), 1.5f), BooleanClause.Occur.SHOULD);
        });
        Query q = new BooleanQuery.Builder()
                .add(any.build(), BooleanClause.Occur.MUST)
                .add(CHUNKS, BooleanClause.Occur.FILTER)
                .build();
        return searcher.search(q, depth).scoreDocs;
    }

    private static void addRanks(Map<Integer, Double> fused, ScoreDoc[] ranked) {
        for (int rank = 0; rank < ranked.length; rank++) {
            fused.merge(ranked[rank].doc, 1.0 / (RRF_K + rank + 1), Double::sum);
        }
    }
}
