package io.newsmonitor.rules;

/**
 * A subscription rule that cannot be compiled, naming the field at fault by its path in the subscription
 * ({@code rule.any[2].theme.minScore}, {@code actors[0]}) and why, so that the author can fix exactly that.
 */
public class RuleException extends RuntimeException {

    private final String field;
    private final String problem;

    /**
     * @param field   path of the field in the subscription
     * @param problem what is wrong with it
     */
    public RuleException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** Path of the field in the subscription, such as {@code rule.any[2].theme.minScore}. */
    public String field() {
        return field;
    }

    /** What is wrong with it. */
    public String problem() {
        return problem;
    }
}
