/**
 * The code index the agent searches: symbols per file (JavaParser for Java, tree-sitter for Python), chunks per
 * symbol, Lucene BM25 plus optional MiniLM vectors fused by reciprocal rank, kept incrementally by git blob id under
 * {@code AAP_HOME/cache/index}. Also the syntax check the edit pipeline runs. Tools that expose the index to the model
 * live in {@code dev.aap.agent.tool}, not here.
 */
package dev.aap.agent.index;
