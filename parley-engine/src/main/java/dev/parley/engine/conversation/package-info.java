/**
 * Conversations, Frontline workers and routing: the domain of {@code <Connect><Conversation>}.
 *
 * <h2>The model (Twilio's resources, field for field)</h2>
 * <ul>
 *   <li>{@link dev.parley.engine.conversation.ConversationService} ({@code IS…}) with its
 *       {@link dev.parley.engine.conversation.Routing} (none, pool, custom callback);</li>
 *   <li>{@link dev.parley.engine.conversation.Conversation} ({@code CH…}; {@code active}, {@code inactive},
 *       {@code closed}; timers);</li>
 *   <li>{@link dev.parley.engine.conversation.Participant} ({@code MB…}): a customer has a
 *       {@link dev.parley.engine.conversation.MessagingBinding} (address, proxy address), a worker an identity;</li>
 *   <li>{@link dev.parley.engine.conversation.Worker}: a Frontline User ({@code US…}), reached at
 *       {@code client:<identity>} or a number of their own.</li>
 * </ul>
 * The operations are those of Twilio's Conversations v1 and Frontline v1 APIs, one class per resource
 * ({@link dev.parley.engine.conversation.ConversationServices}, {@link dev.parley.engine.conversation.Conversations},
 * {@link dev.parley.engine.conversation.Participants}, {@link dev.parley.engine.conversation.Workers}); a refused
 * operation throws {@link dev.parley.engine.conversation.ConversationException} with Twilio's code and HTTP status
 * ({@link dev.parley.engine.conversation.ConversationErrors}). The rules live in {@code ConversationRules} and
 * {@code ParticipantRules}; the data behind the {@link dev.parley.engine.conversation.ConversationStore} port.
 *
 * <h2>What the {@code <Connect><Conversation>} session does with it</h2>
 * Through {@link dev.parley.engine.conversation.Frontline}, with {@code f} the engine's instance:
 * <ol>
 *   <li>{@code f.service(accountSid, serviceInstanceSid)}: none → {@code internal-error}.</li>
 *   <li>A worker's call (the webhook carried {@code ConversationSid}, decision 3):
 *       {@code f.workerCall(service, conversationSid)} →
 *       {@code Found}: dial {@code customerAddress()} from {@code callerId()};
 *       {@code Invalid}: {@code Result=invalid-conversation};
 *       {@code Unusable}: {@code internal-error} with alert 32505.</li>
 *   <li>A customer's call: {@code f.inbound(service, From, To, inboundAutocreation)} →
 *       {@code Existing}: {@code f.workerOf(conversation)}: {@code Assigned} → dial {@code address()}
 *       ({@code client:<identity>} or the worker's number) with {@code inboundTimeout};
 *       {@code Unassigned} → {@code internal-error} with alert {@code alertCode()} (32504 or 32505, decision 4);
 *       {@code Created}: {@code f.route(conversation, customer)}, then wait for a worker until
 *       {@code now + routingAssignmentTimeout}: subscribe with {@code f.onWorkerAdded(conversationSid, listener)}
 *       (post to the call's mailbox), check {@code f.workerOf(conversation)} once, and wait in the mailbox with the
 *       call's other signals; or simply {@code f.awaitWorker(conversation, deadline)}. No worker by then:
 *       {@code Result=no-other-participants} with alert 32506, whose text can quote
 *       {@code RoutingAttempt.status()};
 *       {@code NotFound}: reject, {@code Result=no-existing-conversation};
 *       {@code CreateFailed}: {@code Result=failed-create-conversation}.</li>
 * </ol>
 * The {@code ConversationSid} of the session's callbacks is the conversation's SID.
 *
 * <p>Custom routing on virtual time: the routing callback runs on a thread spawned on the clock, so virtual time
 * stands still while the app is asked; an app that adds the worker before it answers is seen at once, one that
 * adds it after answering races the session's deadline (as at Twilio, where it races real time).
 */
package dev.parley.engine.conversation;
