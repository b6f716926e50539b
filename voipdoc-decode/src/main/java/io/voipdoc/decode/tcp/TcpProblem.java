package io.voipdoc.decode.tcp;

/**
 * Kinds of damage or limit hits found while reassembling TCP streams, each with a stable ID.
 *
 * <table>
 *   <caption>IDs and what {@code detail} holds</caption>
 *   <tr><th>ID</th><th>when</th><th>detail</th></tr>
 *   <tr><td>{@code tcp.data_missing}</td><td>bytes of a direction never arrived and were skipped
 *       (out-of-order buffer full, waited too long, or the stream ended)</td><td>connection,
 *       from_initiator, missing bytes, reason</td></tr>
 *   <tr><td>{@code tcp.retransmission_differs}</td><td>a retransmitted or overlapping segment
 *       carries bytes other than those already held; the first bytes win</td><td>connection,
 *       from_initiator, stream offset, length</td></tr>
 *   <tr><td>{@code tcp.data_after_end}</td><td>new data in a direction already ended by FIN or
 *       RST; it is not delivered</td><td>connection, from_initiator, length</td></tr>
 *   <tr><td>{@code tcp.connection_evicted}</td><td>the connection table is full; the least
 *       recently used connection is ended early</td><td>connection, limit</td></tr>
 * </table>
 */
public enum TcpProblem {
  DATA_MISSING("tcp.data_missing"),
  RETRANSMISSION_DIFFERS("tcp.retransmission_differs"),
  DATA_AFTER_END("tcp.data_after_end"),
  CONNECTION_EVICTED("tcp.connection_evicted");

  private final String id;

  TcpProblem(String id) {
    this.id = id;
  }

  /** The stable ID, {@code tcp.<snake_case>}. */
  public String id() {
    return id;
  }
}
