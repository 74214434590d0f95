package dev.parley.engine.call;

import dev.parley.twiml.Connect;
import java.util.Optional;

/**
 * Where {@code <Connect>} goes: {@link ConversationSession} runs the {@code <Conversation>} session (its machine lives
 * in {@code dev.parley.engine.session}) once {@link CallEngine#conversations} wired one in. Without one,
 * {@code <Connect>} raises alert 32500 and the next verb runs.
 */
interface Sessions {

    Next connect(CallRun run, Connect connect);

    Sessions NONE = (run, connect) -> {
        run.context.alert(run.call, 32500, "Voice Conversation: no Conversations service is configured in this engine",
            Optional.empty(), Optional.empty());
        return Next.CONTINUE;
    };
}
