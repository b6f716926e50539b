package io.voipdoc.capture;

/**
 * Damage or an unusual condition found while reading or decoding, kept as data rather than thrown.
 *
 * <p>IDs are stable strings {@code <layer>.<snake_case>} such as {@code pcap.record_truncated} or
 * {@code ip.fragment_overlap}; the text shown to users is looked up by ID in the report's resource
 * bundles.
 *
 * @param id stable identifier of the kind of damage
 * @param input display name of the input
 * @param frame frame number the damage belongs to, or 0 when it belongs to no frame
 * @param offset byte offset in the (uncompressed) input, or -1 when not known
 * @param detail raw facts (numbers, names) that make the case concrete; not prose
 */
public record Anomaly(String id, String input, long frame, long offset, String detail) {}
