package dev.parley.engine.call;

/** What a verb tells the run to do next. */
sealed interface Next {

    /** Go on with the next verb of the document. */
    record Continue() implements Next { }

    /** Leave this document for another (an action URL, a redirect). */
    record Fetch(TwimlSource source) implements Next { }

    /** End the call now. */
    record Hangup() implements Next { }

    Next CONTINUE = new Continue();
    Next HANGUP = new Hangup();
}
