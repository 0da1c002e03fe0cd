package io.newsmonitor.web;

import java.util.List;

/**
 * A request the server refuses, with its HTTP status and the parameter, path parameter, body field or header at
 * fault, so that the caller can fix it: {@code {"error": "must be a whole number from 1 to 1000, got 'abc'",
 * "parameter": "limit"}}.
 */
final class RequestRefused extends RuntimeException {

    private final int status;
    private final String parameter;
    private final List<String> problems;

    private RequestRefused(int status, String parameter, String problem, List<String> problems) {
        super(problem, null, false, false);
        this.status = status;
        this.parameter = parameter;
        this.problems = List.copyOf(problems);
    }

    private RequestRefused(int status, String parameter, String problem) {
        this(status, parameter, problem, List.of());
    }

    /** 400: a value that cannot be used. */
    static RequestRefused badRequest(String parameter, String problem) {
        return new RequestRefused(400, parameter, problem);
    }

    /**
     * 400: a subscription the rules refuse; each problem names its field ({@code rule.any[0].theme: ...}), the first
     * one's field is the parameter.
     */
    static RequestRefused invalid(List<String> problems) {
        String first = problems.get(0);
        int colon = first.indexOf(": ");
        return new RequestRefused(400, colon > 0 ? first.substring(0, colon) : "body",
                "the subscription is refused: " + String.join("; ", problems), problems);
    }

    /** 404: nothing under that name. */
    static RequestRefused notFound(String parameter, String problem) {
        return new RequestRefused(404, parameter, problem);
    }

    /** 401: a change without the right bearer token. */
    static RequestRefused unauthorized(String problem) {
        return new RequestRefused(401, "Authorization", problem);
    }

    /** 403: a change sent from another site's page. */
    static RequestRefused forbidden(String parameter, String problem) {
        return new RequestRefused(403, parameter, problem);
    }

    /** 415: a body that is not JSON. */
    static RequestRefused unsupportedMediaType(String problem) {
        return new RequestRefused(415, "Content-Type", problem);
    }

    /** The HTTP status. */
    int status() {
        return status;
    }

    /** What is at fault. */
    String parameter() {
        return parameter;
    }

    /** Each problem of a refused subscription, else empty. */
    List<String> problems() {
        return problems;
    }
}
