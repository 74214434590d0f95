package dev.parley.twiml;

/** Answering-machine detection attributes, shared by {@code <Number>} and {@code <Sip>}. */
abstract class MachineDetectionBuilder<B extends MachineDetectionBuilder<B>> extends DialTargetBuilder<B> {

    MachineDetectionBuilder(ElementSpec spec) {
        super(spec);
    }

    /** {@code Enable} or {@code DetectMessageEnd}. */
    public B machineDetection(String mode) { return set("machineDetection", mode); }
    public B amdStatusCallback(String url) { return set("amdStatusCallback", url); }
    public B amdStatusCallbackMethod(HttpMethod method) { return set("amdStatusCallbackMethod", method); }
    public B machineDetectionTimeout(Integer seconds) { return set("machineDetectionTimeout", seconds); }
    public B machineDetectionSpeechThreshold(Integer ms) { return set("machineDetectionSpeechThreshold", ms); }
    public B machineDetectionSpeechEndThreshold(Integer ms) { return set("machineDetectionSpeechEndThreshold", ms); }
    public B machineDetectionSilenceTimeout(Integer ms) { return set("machineDetectionSilenceTimeout", ms); }
}
