package io.resolvehub.agent;

/** Which retriever(s) answer a search: BM25 alone, the vector alone, or both fused. */
public enum SearchMode {
    BM25, VECTOR, HYBRID
}
