package dev.parley.sim.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code <Conversation>} whose attributes Twilio would not take is error 32501 (Voice Conversation: TwiML attributes
 * validation error): the document does not run, nobody is dialled, and the caller hears the application error.
 */
class AttributeValidationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"record=\"always\"", "trim=\"trim\"", "inboundTimeout=\"soon\"", "inboundAutocreation=\"yes\"",
        "routingAssignmentTimeout=\"5s\"", "statusCallbackEvent=\"completed\"", "recordingStatusCallbackEvent=\"done\"",
        "method=\"PUT\"", "statusCallbackMethod=\"DELETE\"", "recordingStatusCallback=\"/relative\"", "color=\"blue\""})
    void anAttributeTwilioWouldNotTakeIs32501(String attribute) {
        try (Frontdesk f = new Frontdesk()) {
            f.aliceOwnsTheCustomer();
            f.connectWithAction(attribute);
            String callSid = f.customerCalls();

            f.awaitEnded(callSid);

            assertThat(f.alertCodes(callSid)).containsExactly(32501);
            assertThat(f.dialled(callSid)).isEmpty();
            assertThat(f.app.requests("/action")).isEmpty();
            assertThat(f.customer().saidTexts()).containsExactly("We're sorry, an application error has occurred. Goodbye!");
        }
    }
}
