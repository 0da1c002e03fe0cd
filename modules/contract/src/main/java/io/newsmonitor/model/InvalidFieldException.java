package io.newsmonitor.model;

/**
 * A record of the topic contract refused at construction because one field is unusable. It names the field, so that
 * a configuration file can point at its key and a topic reader can say why it skipped a record.
 */
public final class InvalidFieldException extends IllegalArgumentException {

    private final String field;
    private final String problem;

    /**
     * @param field   the record component at fault ({@code url}, {@code id})
     * @param problem what is wrong with its value
     */
    public InvalidFieldException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The record component at fault. */
    public String field() {
        return field;
    }

    /** What is wrong with its value, without the field name. */
    public String problem() {
        return problem;
    }
}
