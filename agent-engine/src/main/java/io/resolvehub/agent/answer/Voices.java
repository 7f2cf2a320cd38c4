package io.resolvehub.agent.answer;

import io.resolvehub.core.TenantId;

/** Looks up a tenant's voice; {@link VoiceSettings#DEFAULT} when it set none. */
@FunctionalInterface
public interface Voices {

    VoiceSettings get(TenantId tenant);
}
