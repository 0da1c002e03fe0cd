package io.newsmonitor.model;

/**
 * An actor found in an announcement.
 *
 * @param id       dictionary id: ISO 3166-1 alpha-2 for countries ({@code XK} for Kosovo), {@code EU} or a group id,
 *                 an organisation or person id
 * @param type     what kind of actor it is
 * @param name     display name from the dictionary
 * @param mentions how many times the text mentions it
 */
public record ActorMention(String id, ActorType type, String name, int mentions) {
}
