package io.voipdoc.correlate.sip;

import io.voipdoc.correlate.Endpoint;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * OPTIONS pings outside any dialog from one address:port to another: how a PBX, SBC or phone checks
 * that its peer is alive (RFC 3261 §11; many trunks take a peer out of service after a few
 * unanswered pings). Counts requests and answers, the interval between pings and the statuses.
 */
public final class KeepAlive {
  /** OPTIONS awaiting their answer kept per pair; older ones count as unanswered. */
  static final int MAX_PENDING = 8;

  private final Endpoint source;
  private final Endpoint destination;
  private final SipEvent first;
  private SipEvent last;
  private int requests;
  private int answered;
  private final Map<Integer, Integer> statuses = new TreeMap<>();
  private final ArrayDeque<String> pending = new ArrayDeque<>(2);

  KeepAlive(SipEvent first) {
    this.source = first.source();
    this.destination = first.destination();
    this.first = first;
    this.last = first;
  }

  /** Who sends the pings. */
  public Endpoint source() {
    return source;
  }

  /** Who is pinged. */
  public Endpoint destination() {
    return destination;
  }

  /** The first ping. */
  public SipEvent first() {
    return first;
  }

  /** The last ping. */
  public SipEvent last() {
    return last;
  }

  /** Pings sent, retransmissions not counted. */
  public int requests() {
    return requests;
  }

  /** Pings that got a final response. */
  public int answered() {
    return answered;
  }

  /** Pings without a final response in the capture. */
  public int unanswered() {
    return requests - answered;
  }

  /** Final statuses of the answers, counted, in code order. */
  public Map<Integer, Integer> statuses() {
    return Collections.unmodifiableMap(statuses);
  }

  /** Mean seconds between pings, or -1 with fewer than two. */
  public double meanIntervalSeconds() {
    return requests < 2 ? -1 : (last.timeNanos() - first.timeNanos()) / 1e9 / (requests - 1);
  }

  /** One OPTIONS; {@code key} identifies its transaction. Returns false for a retransmission. */
  boolean request(SipEvent e, String key) {
    if (pending.contains(key)) {
      return false;
    }
    requests++;
    last = e;
    if (pending.size() >= MAX_PENDING) {
      pending.pollFirst();
    }
    pending.addLast(key);
    return true;
  }

  /** A final response to the transaction {@code key}; repeats and strays are ignored. */
  void answer(SipEvent response, String key) {
    if (response.status() >= 200 && pending.remove(key)) {
      answered++;
      statuses.merge(response.status(), 1, Integer::sum);
    }
  }

  @Override
  public String toString() {
    return source.hostPort() + " -> " + destination.hostPort() + " requests=" + requests
        + " answered=" + answered + " statuses=" + statuses;
  }
}
