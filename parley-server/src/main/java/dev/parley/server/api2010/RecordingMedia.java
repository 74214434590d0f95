package dev.parley.server.api2010;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recording's media: its URI without extension or with {@code .wav} is the WAV ({@code audio/x-wav}), with
 * {@code .mp3} the MP3 ({@code audio/mpeg}), as Twilio serves them. Like Twilio by default, media needs no
 * credentials: the URL names the account and the recording, whose SID is a 128-bit random value.
 */
final class RecordingMedia {

    private static final Pattern MEDIA = Pattern.compile(
        "/2010-04-01/Accounts/(AC[0-9a-fA-F]{32})/Recordings/(RE[0-9a-fA-F]{32})(\\.wav|\\.mp3)?");

    enum Format {
        WAV("audio/x-wav"), MP3("audio/mpeg");

        final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }
    }

    private RecordingMedia() {
    }

    /** Whether a request path is a recording's media. */
    static boolean isMediaPath(String path) {
        return MEDIA.matcher(path).matches();
    }

    /** Whether a request reads a recording's media ({@code GET} or {@code HEAD}): the one kind served without credentials. */
    static boolean isMediaRead(Context ctx) {
        return (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) && isMediaPath(ctx.path());
    }

    /** The format a media path asks for. */
    static Format format(Context ctx) {
        Matcher m = MEDIA.matcher(ctx.path());
        return m.matches() && ".mp3".equals(m.group(3)) ? Format.MP3 : Format.WAV;
    }

    static void send(Context ctx, Format format, byte[] wav) {
        byte[] body = format == Format.MP3 ? Mp3.of(wav) : wav;
        ctx.contentType(format.contentType).result(body);
    }
}
