package dev.parley.engine.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.engine.webhook.WebhookOutcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A webhook's purpose: the Twilio code it earns without a 2xx answer (a TwiML fetch by its HTTP failure, a callback
 * 11200, or 32503 for a conversation status callback answered with an error), and the text the outbox keeps it by.
 */
class WebhookPurposeTest {

    private static final WebhookOutcome REFUSED = new WebhookOutcome.Failed(11205, "refused", 1, Duration.ZERO, false);

    private static WebhookOutcome answered(int status) {
        return new WebhookOutcome.Delivered(status, "text/xml", new byte[0], "http://app/x", 1, Duration.ZERO);
    }

    @Test
    void aTwimlFetchEarnsItsHttpFailuresCode() {
        assertThat(WebhookPurpose.TWIML.failureCode(answered(200))).isEmpty();
        assertThat(WebhookPurpose.TWIML.failureCode(answered(204))).isEmpty();
        assertThat(WebhookPurpose.TWIML.failureCode(answered(404))).contains(11217);
        assertThat(WebhookPurpose.TWIML.failureCode(answered(500))).contains(11217);
        assertThat(WebhookPurpose.TWIML.failureCode(answered(304))).contains(11200);
        assertThat(WebhookPurpose.TWIML.failureCode(REFUSED)).contains(11205);
    }

    @Test
    void aCallbackEarns11200WhateverFailed() {
        for (WebhookPurpose callback : new WebhookPurpose[] {WebhookPurpose.ACTION, WebhookPurpose.STATUS_CALLBACK,
            WebhookPurpose.RECORDING_STATUS_CALLBACK, WebhookPurpose.CALLBACK}) {
            assertThat(callback.failureCode(answered(204))).as(callback.value()).isEmpty();
            assertThat(callback.failureCode(answered(404))).as(callback.value()).contains(11200);
            assertThat(callback.failureCode(answered(500))).as(callback.value()).contains(11200);
            assertThat(callback.failureCode(REFUSED)).as(callback.value()).contains(11200);
        }
    }

    @Test
    void aConversationStatusCallbackAnsweredWithAnErrorEarns32503() {
        WebhookPurpose conversation = WebhookPurpose.CONVERSATION_STATUS_CALLBACK;
        assertThat(conversation.failureCode(answered(200))).isEmpty();
        assertThat(conversation.failureCode(answered(500))).contains(32503);
        assertThat(conversation.failureCode(answered(404))).contains(32503);
        assertThat(conversation.failureCode(REFUSED)).contains(11200);
        assertThat(Callbacks.title(32503)).isEqualTo("Voice Conversation: Callback event response error");
        assertThat(Callbacks.title(11200)).isEqualTo("HTTP retrieval failure");
    }

    @Test
    void theOutboxTextNamesThePurposeAndReadsBackToIt() {
        assertThat(WebhookPurpose.STATUS_CALLBACK.text("completed")).isEqualTo("status completed");
        assertThat(WebhookPurpose.RECORDING_STATUS_CALLBACK.text("absent")).isEqualTo("recording status absent");
        assertThat(WebhookPurpose.CONVERSATION_STATUS_CALLBACK.text("call-answered"))
            .isEqualTo("conversation status call-answered");
        assertThat(WebhookPurpose.ACTION.text("")).isEqualTo("action (call ended)");
        assertThat(WebhookPurpose.TWIML.text("")).isEqualTo("twiml");
        for (WebhookPurpose purpose : WebhookPurpose.values()) {
            assertThat(WebhookPurpose.ofText(purpose.text(""))).isEqualTo(purpose);
            assertThat(WebhookPurpose.ofText(purpose.text("completed"))).isEqualTo(purpose);
        }
    }

    @Test
    void aTextThatNamesNoPurposeIsACallback() {
        assertThat(WebhookPurpose.ofText("statuses")).isEqualTo(WebhookPurpose.CALLBACK);
        assertThat(WebhookPurpose.ofText("something new")).isEqualTo(WebhookPurpose.CALLBACK);
        assertThat(WebhookPurpose.ofText("")).isEqualTo(WebhookPurpose.CALLBACK);
    }
}
