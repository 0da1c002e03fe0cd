package io.newsmonitor.processor.taxonomy;

/** A dictionary phrase naming an actor, and how it names it. */
public record ActorTerm(Actor actor, MentionForm form) {
}
