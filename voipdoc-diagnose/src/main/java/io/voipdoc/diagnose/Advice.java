package io.voipdoc.diagnose;

import java.util.List;

/**
 * One step an admin can take, in order of the finding's advice list.
 *
 * @param key text key below {@code <ID>.advice.}
 * @param args raw values for the text
 */
public record Advice(String key, List<String> args) {}
