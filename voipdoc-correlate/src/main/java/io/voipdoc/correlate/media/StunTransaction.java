package io.voipdoc.correlate.media;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.Endpoint;
import io.voipdoc.decode.Packet;
import io.voipdoc.decode.stun.StunErrorCode;
import io.voipdoc.decode.stun.StunMessage;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * A STUN request and what became of it, matched by transaction ID (RFC 8489 §6.3): the first
 * request, its retransmissions (same transaction ID, RFC 8489 §6.2.1) and the response.
 */
public abstract sealed class StunTransaction permits ConnectivityCheck, StunServerExchange {

  /** What became of a request. */
  public enum Outcome {
    /** A success response came back. */
    SUCCEEDED,
    /** An error response came back; see {@link #errorCode()}. */
    FAILED,
    /** No response was seen (yet). */
    NO_ANSWER
  }

  private final String transactionId;
  private final Endpoint source;
  private final Endpoint destination;
  private final FrameRef firstFrame;
  private final long firstNanos;
  private int requests = 1;
  private Outcome outcome = Outcome.NO_ANSWER;
  private int errorCode = -1;
  private @Nullable String errorReason;
  private @Nullable Endpoint mappedAddress;
  private @Nullable FrameRef responseFrame;
  private @Nullable Endpoint responder;
  /** First request frame per input: a check captured at several points is one transaction. */
  private final java.util.List<FrameRef> sightings = new java.util.ArrayList<>();

  StunTransaction(StunMessage request, Packet packet) {
    this.transactionId = request.transactionIdHex();
    this.source = Endpoint.source(packet);
    this.destination = Endpoint.destination(packet);
    this.firstFrame = packet.frame.ref();
    this.firstNanos = packet.timestampNanos;
    sightings.add(firstFrame);
  }

  void retransmitted(Packet packet) {
    requests++;
    for (FrameRef seen : sightings) {
      if (seen.input().equals(packet.frame.input)) {
        return;
      }
    }
    sightings.add(packet.frame.ref());
  }

  /**
   * The first request frame in each input that saw this transaction, in order of first sight:
   * with captures from several points (LAN and WAN of a NAT), where the request was seen at each.
   */
  public java.util.List<FrameRef> sightings() {
    return java.util.List.copyOf(sightings);
  }

  void answered(StunMessage response, Packet packet) {
    responseFrame = packet.frame.ref();
    responder = Endpoint.source(packet);
    StunErrorCode error = response.errorCode();
    if (response.stunClass() == io.voipdoc.decode.stun.StunClass.SUCCESS_RESPONSE) {
      outcome = Outcome.SUCCEEDED;
    } else {
      outcome = Outcome.FAILED;
      errorCode = error == null ? -1 : error.code();
      errorReason = error == null ? null : error.reason();
    }
    InetSocketAddress mapped = response.xorMappedAddress();
    if (mapped == null) {
      mapped = response.mappedAddress();
    }
    if (mapped != null) {
      mappedAddress = new Endpoint(mapped.getAddress(), mapped.getPort(), "UDP");
    }
  }

  long firstNanos() {
    return firstNanos;
  }

  /** The transaction ID, lower-case hex. */
  public String transactionId() {
    return transactionId;
  }

  /** Where the request came from. */
  public Endpoint source() {
    return source;
  }

  /** Where the request went. */
  public Endpoint destination() {
    return destination;
  }

  /** The first request. */
  public FrameRef firstFrame() {
    return firstFrame;
  }

  /** Requests sent with this transaction ID: 1 plus the retransmissions. */
  public int requests() {
    return requests;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** The ERROR-CODE of an error response (e.g. 401, 487), or -1. */
  public int errorCode() {
    return errorCode;
  }

  /** The reason phrase of an error response, or null. */
  public @Nullable String errorReason() {
    return errorReason;
  }

  /** The (XOR-)MAPPED-ADDRESS of the success response: the requester as the responder saw it. */
  public @Nullable Endpoint mappedAddress() {
    return mappedAddress;
  }

  /** The response, or null. */
  public @Nullable FrameRef responseFrame() {
    return responseFrame;
  }

  /** Where the response came from (differs from {@link #destination()} behind some NATs), or null. */
  public @Nullable Endpoint responder() {
    return responder;
  }
}
