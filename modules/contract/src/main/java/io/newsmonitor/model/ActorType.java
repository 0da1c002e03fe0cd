package io.newsmonitor.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of actors the classifier recognises; serialised in lower case. */
public enum ActorType {
    COUNTRY, GROUP, ORGANISATION, PERSON;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
