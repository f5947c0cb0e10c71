package dev.aap.agent.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Definitions by simple name or {@code Container.name}: exact case first, then ignoring case. */
final class SymbolLookup {

    private static final int MAX = 500;

    private SymbolLookup() {
    }

    static List<Symbol> find(IndexSearcher searcher, String name) throws IOException {
        String n = name.strip();
        int dot = n.lastIndexOf('.');
        String simple = dot < 0 ? n : n.substring(dot + 1);
        String parent = dot < 0 ? "" : n.substring(0, dot);
        if (simple.isEmpty()) {
            return List.of();
        }
        List<Symbol> exact = run(searcher, Documents.SIMPLE, simple, Documents.PARENT, parent);
        if (!exact.isEmpty()) {
            return exact;
        }
        return run(searcher, Documents.SIMPLE_LC, simple.toLowerCase(Locale.ROOT), Documents.PARENT_LC,
                parent.toLowerCase(Locale.ROOT));
    }

    private static List<Symbol> run(IndexSearcher searcher, String nameField, String name, String parentField,
                                    String parent) throws IOException {
        var q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Documents.TYPE, Documents.SYMBOL)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(nameField, name)), BooleanClause.Occur.FILTER);
        if (!parent.isEmpty()) {
            q.add(new TermQuery(new Term(parentField, parent)), BooleanClause.Occur.FILTER);
        }
        var out = new ArrayList<Symbol>();
        for (ScoreDoc sd : searcher.search(q.build(), MAX).scoreDocs) {
            out.add(Documents.toSymbol(searcher.storedFields().document(sd.doc)));
        }
        out.sort(Comparator.comparing(Symbol::file).thenComparingInt(Symbol::startLine));
        return out;
    }
}
