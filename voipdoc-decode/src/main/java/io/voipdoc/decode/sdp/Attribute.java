package io.voipdoc.decode.sdp;

import org.jspecify.annotations.Nullable;

/**
 * An a= line (RFC 8866 §5.13): {@code a=<attribute-name>} or {@code
 * a=<attribute-name>:<attribute-value>}.
 *
 * @param name attribute name, as written (attribute names are case-sensitive)
 * @param value attribute value, or null for a property attribute
 */
public record Attribute(String name, @Nullable String value) {}
