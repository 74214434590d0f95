// The official `twilio` package, unchanged, driving Parley's v1 APIs: only each domain's baseUrl points at Parley,
// at the product's prefix (/conversations, /frontline, /monitor). Run by TwilioNodeV1Test:
//   node v1flow.js
// with PARLEY_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, CUSTOMER (a customer's number), NUMBER (Parley's number),
// USER_SID (a Frontline user alice@example.com) in the environment, once the account has at least three alerts.
// It prints one JSON object per line; a refusal prints {"error": code, "status": httpStatus}.
"use strict";

const twilio = require("twilio");

const env = process.env;
const client = twilio(env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN);
client.conversations.baseUrl = env.PARLEY_URL + "/conversations";
client.frontlineApi.baseUrl = env.PARLEY_URL + "/frontline";
client.monitor.baseUrl = env.PARLEY_URL + "/monitor";

const print = (object) => console.log(JSON.stringify(object));
const refusal = async (step, request) => {
  try {
    await request();
    print({ step, refused: false });
  } catch (e) {
    print({ step, error: e.code, status: e.status });
  }
};

async function conversations() {
  const conversationsV1 = client.conversations.v1;
  const service = await conversationsV1.services.create({ friendlyName: "Frontline" });
  print({ step: "service", sid: service.sid, friendlyName: service.friendlyName,
    dateCreated: service.dateCreated.toISOString(), url: service.url });
  const configuration = await conversationsV1.configuration().update({ defaultChatServiceSid: service.sid });
  print({ step: "configuration", defaultChatServiceSid: configuration.defaultChatServiceSid });

  const scoped = conversationsV1.services(service.sid).conversations;
  const conversation = await scoped.create({ friendlyName: "Jane Doe", uniqueName: "jane", state: "active",
    "timers.inactive": "PT5M", dateCreated: new Date("2025-12-31T12:00:00Z") });
  print({ step: "conversation", sid: conversation.sid, chatServiceSid: conversation.chatServiceSid,
    state: conversation.state, timers: conversation.timers, dateCreated: conversation.dateCreated.toISOString() });
  const participants = scoped(conversation.sid).participants;
  const customer = await participants.create({ "messagingBinding.address": env.CUSTOMER,
    "messagingBinding.proxyAddress": env.NUMBER });
  print({ step: "customer", sid: customer.sid, messagingBinding: customer.messagingBinding });
  const worker = await participants.create({ identity: "alice@example.com" });
  print({ step: "worker", sid: worker.sid, identity: worker.identity, messagingBinding: worker.messagingBinding });
  const updated = await scoped("jane").update({ state: "inactive", attributes: JSON.stringify({ crm: 42 }) });
  print({ step: "updated", state: updated.state, attributes: updated.attributes });
  const listed = await participants.list({ pageSize: 1 });
  print({ step: "participants", sids: listed.map((p) => p.sid) });
  const found = await conversationsV1.services(service.sid).participantConversations.list({ address: env.CUSTOMER });
  print({ step: "participantConversations", found: found.map((pc) => ({ conversationSid: pc.conversationSid,
    participantSid: pc.participantSid, conversationState: pc.conversationState,
    address: pc.participantMessagingBinding.address })) });

  const onDefault = await conversationsV1.conversations.create({ friendlyName: "Second" });
  await conversationsV1.conversations(onDefault.sid).participants.create({ identity: "alice@example.com" });
  const all = await conversationsV1.conversations.list({ pageSize: 1 });
  print({ step: "defaultConversations", sids: all.map((c) => c.sid), second: onDefault.sid });
  const byIdentity = await conversationsV1.participantConversations.list({ identity: "alice@example.com", pageSize: 1 });
  print({ step: "byIdentity", sids: byIdentity.map((pc) => pc.conversationSid) });

  await participants(customer.sid).remove();
  await refusal("customerRemoved", () => participants(customer.sid).fetch());
  await conversationsV1.conversations(onDefault.sid).remove();
  await refusal("conversationRemoved", () => conversationsV1.conversations(onDefault.sid).fetch());
}

async function frontline() {
  const users = client.frontlineApi.v1.users;
  const user = await users(env.USER_SID).fetch();
  print({ step: "user", sid: user.sid, identity: user.identity, state: user.state, isAvailable: user.isAvailable });
  const updated = await users("alice@example.com").update({ friendlyName: "Alice", isAvailable: true });
  print({ step: "userUpdated", friendlyName: updated.friendlyName, isAvailable: updated.isAvailable, url: updated.url });
  await refusal("noUser", () => users("nobody").fetch());
}

async function monitor() {
  const alerts = client.monitor.v1.alerts;
  const listed = await alerts.list({ pageSize: 1 });
  print({ step: "alerts", sids: listed.map((a) => a.sid), errorCodes: listed.map((a) => a.errorCode),
    logLevel: listed[0].logLevel, dateGenerated: listed[0].dateGenerated.toISOString() });
  const since = await alerts.list({ startDate: listed[0].dateGenerated });
  print({ step: "since", sids: since.map((a) => a.sid) });
  const warnings = await alerts.list({ logLevel: "warning" });
  print({ step: "warnings", sids: warnings.map((a) => a.sid) });
  const alert = await alerts(listed[0].sid).fetch();
  print({ step: "alert", sid: alert.sid, requestMethod: alert.requestMethod, requestUrl: alert.requestUrl,
    resourceSid: alert.resourceSid, url: alert.url });
}

(async () => {
  await conversations();
  await frontline();
  await monitor();
})().catch((e) => {
  print({ error: e.code, status: e.status, message: e.message });
  process.exitCode = 1;
});
