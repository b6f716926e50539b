package io.voipdoc.correlate;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.decode.sdp.SessionDescription;
import org.jspecify.annotations.Nullable;

/**
 * An SDP body seen in a dialog, as the SIP side hands it to the media side: which call and dialog
 * it belongs to, who sent it, and whether it was an offer or an answer. The media side uses it to
 * recognise the call's RTP streams (by the announced endpoints) and ICE checks (by ufrag and
 * candidates).
 *
 * @param callId Call-ID of the SIP dialog that carried it
 * @param fromTag From tag of the dialog
 * @param toTag To tag, when the dialog has one yet
 * @param fromCaller whether the caller (the dialog's initiator) sent it
 * @param offer whether it is an offer (else an answer)
 * @param sdp the decoded description
 * @param frame where it was seen
 * @param source the packet's source (for NAT comparisons with the announced addresses)
 * @param destination the packet's destination
 */
public record SdpSeen(
    String callId,
    String fromTag,
    @Nullable String toTag,
    boolean fromCaller,
    boolean offer,
    SessionDescription sdp,
    FrameRef frame,
    Endpoint source,
    Endpoint destination) {}
