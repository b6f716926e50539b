package io.voipdoc.diagnose.rules.tls;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.media.TlsConnectionSeen;
import io.voipdoc.decode.tls.TlsCertificate;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The warning of TLS_HANDSHAKE_FAILURE: TLS connections that completed although the server's
 * certificate is one a verifying client refuses: expired or not yet valid when the connection
 * started (RFC 5280 §4.1.2.5), self-signed, or not naming the SNI the client asked for (RFC 6125
 * §6). The client went on to encrypted traffic, so it does not check certificates or was told to
 * trust this one; the first client that does check (another phone model, an SBC, a firmware update
 * that turns checking on) fails against the same server. Grouped as the error is: one finding per
 * SNI and server certificate, each capture's first connection cited.
 */
final class AcceptedCertificates {
  private AcceptedCertificates() {}

  /** What makes a verifying client refuse a certificate, in the order the evidence names them. */
  enum Defect {
    EXPIRED,
    NOT_YET_VALID,
    SELF_SIGNED,
    NAME_MISMATCH
  }

  /** The defects of the server certificate of {@code c}; empty without certificate. */
  static List<Defect> defects(TlsConnectionSeen c) {
    List<Defect> found = new ArrayList<>();
    if (c.certificates().isEmpty()) {
      return found;
    }
    TlsCertificate leaf = c.certificates().get(0);
    if (c.start().isAfter(leaf.notAfter())) {
      found.add(Defect.EXPIRED);
    } else if (c.start().isBefore(leaf.notBefore())) {
      found.add(Defect.NOT_YET_VALID);
    }
    if (Boolean.TRUE.equals(c.leafSelfSigned())) {
      found.add(Defect.SELF_SIGNED);
    }
    if (Boolean.FALSE.equals(c.leafMatchesServerName())) {
      found.add(Defect.NAME_MISMATCH);
    }
    return found;
  }

  /** Whether {@code c} got through to encrypted traffic with a certificate that has a defect. */
  static boolean acceptedDespiteDefect(TlsConnectionSeen c) {
    return c.stage() == TlsConnectionSeen.Stage.ESTABLISHED && !defects(c).isEmpty();
  }

  /**
   * Adds the warning for {@code group}, connections with the same SNI and certificate, each {@link
   * #acceptedDespiteDefect accepted despite a defect}.
   *
   * @param connections how many different connections the group is
   */
  static void report(Rule rule, List<TlsConnectionSeen> group, int connections, Findings out) {
    TlsConnectionSeen first = group.get(0);
    TlsCertificate leaf = first.certificates().get(0);
    String sni = first.serverName();
    String name = sni != null ? sni
        : leaf.commonName() != null ? leaf.commonName() : first.server().address().getHostAddress();
    Findings.Builder b = out.add(rule, "tls " + name).severity(Severity.WARNING).titleVariant("warning")
        .title(name, connections);
    List<String> held = TlsHandshakeFailure.names(leaf);
    String names = held.isEmpty() ? "-" : String.join(", ", held);
    Set<String> inputs = new HashSet<>();
    for (TlsConnectionSeen c : group) {
      if (!inputs.add(c.firstFrame().input())) {
        continue;
      }
      b.evidence(c.firstFrame(), sni == null ? "client_hello" : "client_hello_sni",
          TlsHandshakeFailure.frame(c.firstFrame()), sni == null ? "" : sni, Term.handshakeStage(c.stage()));
      FrameRef certificate = c.certificateFrame();
      if (certificate != null) {
        b.evidence(certificate, "certificate", TlsHandshakeFailure.frame(certificate), leaf.subject(),
            names, leaf.issuer(), leaf.notBefore(), leaf.notAfter());
      }
    }
    FrameRef at = first.certificateFrame() != null ? first.certificateFrame() : first.firstFrame();
    String filter = TlsHandshakeFailure.frame(at);
    for (Defect d : defects(first)) {
      switch (d) {
        case EXPIRED -> b.evidence(at, "expired", filter, leaf.notAfter(), first.start());
        case NOT_YET_VALID -> b.evidence(at, "not_yet_valid", filter, leaf.notBefore(), first.start());
        case SELF_SIGNED -> b.evidence(at, "self_signed", filter, leaf.subject());
        case NAME_MISMATCH -> b.evidence(at, "name_mismatch", filter, sni, names);
      }
    }
    b.advice("install_certificate", name).advice("accepted_by_this_client").done();
  }
}
