package io.resolvehub.api.boundaryviolation;

import io.resolvehub.agent.ingest.Ingestor;

/** Breaks "agent-engine is used through its API": the ingestion queue is agent-engine's own. */
public class ApiUsingTheIngestor {

    Ingestor ingestor;
}
