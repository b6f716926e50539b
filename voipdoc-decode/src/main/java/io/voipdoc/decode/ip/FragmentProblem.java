package io.voipdoc.decode.ip;

/**
 * Kinds of damage or limit hits found while reassembling IP fragments, each with a stable ID.
 *
 * <table>
 *   <caption>IDs and what {@code detail} holds</caption>
 *   <tr><th>ID</th><th>when</th><th>detail</th></tr>
 *   <tr><td>{@code ip.fragment_overlap}</td><td>a fragment overlaps data already received and is
 *       not an exact duplicate; IPv4 keeps the first data, IPv6 discards the datagram (RFC
 *       5722)</td><td>version, id, offset, length, conflict (bytes differ), action</td></tr>
 *   <tr><td>{@code ip.fragment_length_inconsistent}</td><td>fragments disagree on where the
 *       datagram ends; data beyond the first known end is dropped</td><td>version, id, end,
 *       other end</td></tr>
 *   <tr><td>{@code ip.fragment_misaligned}</td><td>a fragment with More Fragments set whose
 *       length is not a multiple of 8 (RFC 791 §3.2, RFC 8200 §4.5)</td><td>version, id,
 *       offset, length</td></tr>
 *   <tr><td>{@code ip.datagram_too_large}</td><td>a fragment ends beyond the per-datagram
 *       limit; the datagram is discarded</td><td>version, id, end, limit</td></tr>
 *   <tr><td>{@code ip.fragments_too_many}</td><td>more fragments than the per-datagram limit;
 *       the datagram is discarded</td><td>version, id, limit</td></tr>
 *   <tr><td>{@code ip.fragments_evicted}</td><td>the table of datagrams in flight is full; the
 *       oldest is dropped</td><td>version, id, fragments, bytes, limit</td></tr>
 *   <tr><td>{@code ip.fragments_incomplete}</td><td>a datagram never completed: it timed out
 *       or the input ended</td><td>version, id, fragments, bytes, end (-1 when the last
 *       fragment was never seen), reason</td></tr>
 * </table>
 */
public enum FragmentProblem {
  FRAGMENT_OVERLAP("ip.fragment_overlap"),
  FRAGMENT_LENGTH_INCONSISTENT("ip.fragment_length_inconsistent"),
  FRAGMENT_MISALIGNED("ip.fragment_misaligned"),
  DATAGRAM_TOO_LARGE("ip.datagram_too_large"),
  FRAGMENTS_TOO_MANY("ip.fragments_too_many"),
  FRAGMENTS_EVICTED("ip.fragments_evicted"),
  FRAGMENTS_INCOMPLETE("ip.fragments_incomplete");

  private final String id;

  FragmentProblem(String id) {
    this.id = id;
  }

  /** The stable ID, {@code ip.<snake_case>}. */
  public String id() {
    return id;
  }
}
