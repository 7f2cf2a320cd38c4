package io.resolvehub.api.boundaryviolation;

import com.slack.api.model.Message;

/** Breaks "SDKs stay in their module": only connector-slack may use Slack's SDK. */
public class ApiUsingTheSlackSdk {

    Message message;
}
