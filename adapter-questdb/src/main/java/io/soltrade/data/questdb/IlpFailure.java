package io.soltrade.data.questdb;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed ILP request, classified. Permanent: the server answered and rejected the request (HTTP 4xx other
 * than 408, 421 and 429), or a row could not even be encoded; sending it again cannot help. Transient: the
 * server could not be reached, timed out, or answered 5xx; the same request may succeed later, and DEDUP
 * keys make sending it again safe even if the first attempt was committed.
 */
final class IlpFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private static final Pattern HTTP_STATUS = Pattern.compile("http-status=(\\d{3})");

    private final boolean permanent;
    private final String httpStatus;

    IlpFailure(String message, boolean permanent, String httpStatus, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
        this.httpStatus = httpStatus;
    }

    /** A failure of the request itself (flush): classified by the HTTP status the client reports, if any. */
    static IlpFailure ofRequest(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        Matcher status = HTTP_STATUS.matcher(message);
        if (!status.find()) {
            return new IlpFailure(message, false, null, cause);
        }
        String code = status.group(1);
        boolean retryable = code.startsWith("5") || code.equals("408") || code.equals("421") || code.equals("429");
        return new IlpFailure(message, !retryable, code, cause);
    }

    /** A row the client refused to encode (a bad name or value): never retried. */
    static IlpFailure ofEncoding(Throwable cause) {
        return new IlpFailure("row could not be encoded: " + cause.getMessage(), true, null, cause);
    }

    /** The sender could not be created (server unreachable for protocol negotiation): retried. */
    static IlpFailure ofConnect(Throwable cause) {
        return new IlpFailure("could not open an ILP sender: " + cause.getMessage(), false, null, cause);
    }

    boolean permanent() {
        return permanent;
    }

    Optional<String> httpStatus() {
        return Optional.ofNullable(httpStatus);
    }
}
