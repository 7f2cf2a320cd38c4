package io.resolvehub.api.boundaryviolation;

import com.microsoft.bot.schema.Activity;

/** Breaks "SDKs stay in their module": only connector-teams may use the Bot Framework SDK. */
public class ApiUsingTheBotFramework {

    Activity activity;
}
