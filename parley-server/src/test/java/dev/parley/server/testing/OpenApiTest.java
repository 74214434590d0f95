package dev.parley.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The contract checker finds operations by concrete path and refuses what Twilio's schema refuses. */
class OpenApiTest {

    private static final String ACCOUNT = "/2010-04-01/Accounts/ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenApi api = OpenApi.api2010();

    /** Twilio's own example of an account, from the description file. */
    private ObjectNode twiliosAccount() throws Exception {
        JsonNode spec = JSON.readTree(OpenApi.directory().resolve("twilio_api_v2010.json").toFile());
        return (ObjectNode) spec.at("/paths/~12010-04-01~1Accounts~1{Sid}.json/get/responses/200/content"
            + "/application~1json/examples/fetch/value").deepCopy();
    }

    @Test
    void twiliosOwnExampleMeetsTheContract() throws Exception {
        assertThat(api.problems("GET", ACCOUNT, 200, twiliosAccount())).isEmpty();
    }

    @Test
    void theMostLiteralTemplateMatches() {
        assertThat(api.template("/2010-04-01/Accounts/AC1/Calls/CA1/Recordings.json"))
            .contains("/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json");
        assertThat(api.template("/2010-04-01/Accounts/AC1/IncomingPhoneNumbers/Local.json"))
            .contains("/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/Local.json");
        assertThat(api.template("/nowhere")).isEmpty();
    }

    @Test
    void aMissingFieldAMisspeltFieldAWrongTypeAndABadDateAreRefused() throws Exception {
        ObjectNode missing = twiliosAccount();
        missing.remove("auth_token");
        assertThat(api.problems("GET", ACCOUNT, 200, missing)).singleElement().asString().contains("auth_token");

        ObjectNode misspelt = twiliosAccount();
        misspelt.set("friendlyName", misspelt.remove("friendly_name"));
        assertThat(api.problems("GET", ACCOUNT, 200, misspelt)).hasSize(2);

        ObjectNode wrongType = twiliosAccount();
        wrongType.put("sid", 12);
        assertThat(api.problems("GET", ACCOUNT, 200, wrongType)).isNotEmpty();

        ObjectNode badEnum = twiliosAccount();
        badEnum.put("status", "paused");
        assertThat(api.problems("GET", ACCOUNT, 200, badEnum)).isNotEmpty();

        ObjectNode isoDate = twiliosAccount();
        isoDate.put("date_created", "2015-07-30T20:00:00Z");
        assertThat(api.problems("GET", ACCOUNT, 200, isoDate)).singleElement().asString().contains("date_created");
    }

    @Test
    void nullableFieldsTakeNullAndOthersDoNot() throws Exception {
        ObjectNode nullName = twiliosAccount();
        nullName.putNull("friendly_name");
        assertThat(api.problems("GET", ACCOUNT, 200, nullName)).isEmpty();

        ObjectNode nullStatus = twiliosAccount();
        nullStatus.putNull("status");
        assertThat(api.problems("GET", ACCOUNT, 200, nullStatus)).isNotEmpty();
    }

    @Test
    void aV1PathUnderItsProductPrefixMatchesAndIsAsStrict() throws Exception {
        OpenApi conversations = OpenApi.conversationsV1();
        JsonNode spec = JSON.readTree(OpenApi.directory().resolve("twilio_conversations_v1.json").toFile());
        ObjectNode example = (ObjectNode) spec.at("/paths/~1v1~1Services~1{Sid}/get/responses/200/content"
            + "/application~1json/examples/fetch/value").deepCopy();
        String path = "/conversations/v1/Services/ISaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

        assertThat(conversations.template(path)).contains("/v1/Services/{Sid}");
        assertThat(conversations.problems("GET", path, 200, example)).isEmpty();
        example.put("extra", 1);
        assertThat(conversations.problems("GET", path, 200, example)).singleElement().asString().contains("extra");
    }

    @Test
    void anUndocumentedStatusOrMethodIsAProblem() throws Exception {
        assertThat(api.problems("GET", ACCOUNT, 201, twiliosAccount())).singleElement().asString()
            .contains("does not answer 201");
        assertThat(api.problems("DELETE", ACCOUNT, 204, JSON.missingNode())).singleElement().asString()
            .contains("is not an operation");
    }
}
