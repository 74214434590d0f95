/**
 * Every request Parley sends to an app, exactly as Twilio sends it.
 * <ul>
 *   <li>{@link dev.parley.engine.webhook.Params}: the ordered, repeatable form parameters.</li>
 *   <li>{@link dev.parley.engine.webhook.WebhookSignature}: {@code X-Twilio-Signature}.</li>
 *   <li>{@link dev.parley.engine.webhook.ConnectionOverrides}: the {@code #ct=…&rt=…&tt=…&rc=…&rp=…} fragment and
 *       Twilio's defaults; {@link dev.parley.engine.webhook.Timeouts} scales the defaults down for tests.</li>
 *   <li>{@link dev.parley.engine.webhook.WebhookRequest} in, {@link dev.parley.engine.webhook.WebhookOutcome} out,
 *       through the {@link dev.parley.engine.webhook.WebhookTransport} port;
 *       {@link dev.parley.engine.webhook.HttpWebhookTransport} is the real HTTP one.</li>
 *   <li>{@link dev.parley.engine.webhook.TwimlFetch}: what a call runs after fetching a TwiML URL.</li>
 *   <li>{@link dev.parley.engine.webhook.WebhookErrors}: the Twilio error codes used here.</li>
 *   <li>{@link dev.parley.engine.webhook.Rfc2822}: the {@code Timestamp} parameter.</li>
 * </ul>
 */
package dev.parley.engine.webhook;
