package io.voipdoc.correlate;

/** Receives every SDP body the SIP correlation sees, in capture order. */
@FunctionalInterface
public interface SdpSink {
  void onSdp(SdpSeen sdp);
}
