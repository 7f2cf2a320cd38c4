package io.resolvehub.agent;

import io.resolvehub.agent.VoiceSettings;
import io.resolvehub.core.TenantId;

/** Looks up a tenant's voice; {@link VoiceSettings#DEFAULT} when it set none. */
@FunctionalInterface
public interface Voices {

    VoiceSettings get(TenantId tenant);
}
