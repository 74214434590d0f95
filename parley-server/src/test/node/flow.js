// The official `twilio` package, unchanged, driving Parley: only each domain's baseUrl points at Parley.
// Run by TwilioNodeTest one step at a time (the test moves Parley's virtual clock between steps):
//   node flow.js <step> [callSid]
// with PARLEY_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TO, FROM and APP_URL in the environment.
// Each step prints one JSON object per line; a refusal prints {"error": code, "status": httpStatus}.
"use strict";

const twilio = require("twilio");

const env = process.env;
const client = twilio(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN);
client.api.baseUrl = env.PARLEY_URL;

const print = (object) => console.log(JSON.stringify(object));

const steps = {
  // The account, a number, and a call that runs the app's /hold document.
  async setup() {
    const account = await client.api.v2010.accounts(env.TWILIO_ACCOUNT_SID).fetch();
    print({ step: "account", sid: account.sid, status: account.status, dateCreated: account.dateCreated.toISOString() });
    const number = await client.incomingPhoneNumbers.create({
      phoneNumber: "+14155550123", voiceUrl: env.APP_URL + "/voice", voiceMethod: "GET",
    });
    print({ step: "number", sid: number.sid, phoneNumber: number.phoneNumber, voiceMethod: number.voiceMethod });
    const call = await client.calls.create({
      to: env.TO, from: env.FROM, url: env.APP_URL + "/hold", statusCallback: env.APP_URL + "/status",
      statusCallbackEvent: ["initiated", "completed"],
    });
    print({ step: "created", sid: call.sid, status: call.status, direction: call.direction });
  },

  // Redirects the live call to inline TwiML, then hangs it up.
  async update(callSid) {
    const live = await client.calls(callSid).fetch();
    print({ step: "live", sid: live.sid, status: live.status });
    await client.calls(callSid).update({ twiml: "<Response><Say>Bye from Node</Say><Pause length=\"30\"/></Response>" });
    print({ step: "redirected", sid: callSid });
  },

  async hangup(callSid) {
    const call = await client.calls(callSid).update({ status: "completed" });
    print({ step: "hungup", sid: call.sid });
  },

  // Reads the call that is over, lists calls and numbers (one per page: the package follows next_page_uri),
  // deletes the call.
  async finish(callSid) {
    const call = await client.calls(callSid).fetch();
    print({ step: "fetched", sid: call.sid, status: call.status, duration: call.duration,
      startTime: call.startTime && call.startTime.toISOString() });
    const calls = await client.calls.list({ pageSize: 1 });
    print({ step: "listed", sids: calls.map((c) => c.sid) });
    const numbers = await client.incomingPhoneNumbers.list({ phoneNumber: "+1415" });
    print({ step: "numbers", numbers: numbers.map((n) => n.phoneNumber) });
    const pages = await client.incomingPhoneNumbers.list({ pageSize: 1 });
    print({ step: "paged", numbers: pages.map((n) => n.phoneNumber) });
    await client.calls(callSid).remove();
    try {
      await client.calls(callSid).fetch();
      print({ step: "deleted", stillThere: true });
    } catch (e) {
      print({ step: "deleted", error: e.code, status: e.status });
    }
  },
};

const [step, arg] = process.argv.slice(2);
steps[step](arg).catch((e) => {
  print({ error: e.code, status: e.status, message: e.message });
  process.exitCode = 1;
});
