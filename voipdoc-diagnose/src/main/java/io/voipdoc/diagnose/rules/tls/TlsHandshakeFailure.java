package io.voipdoc.diagnose.rules.tls;

import io.voipdoc.capture.FrameRef;
import io.voipdoc.correlate.incident.Incident;
import io.voipdoc.correlate.log.LogTimeline;
import io.voipdoc.correlate.media.TlsConnectionSeen;
import io.voipdoc.decode.tls.TlsAlert;
import io.voipdoc.decode.tls.TlsCertificate;
import io.voipdoc.diagnose.DiagnosisContext;
import io.voipdoc.diagnose.Findings;
import io.voipdoc.diagnose.Rule;
import io.voipdoc.diagnose.RuleSpec;
import io.voipdoc.diagnose.Severity;
import io.voipdoc.diagnose.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * TLS_HANDSHAKE_FAILURE: calls signalled over TLS fail. A TLS connection (over TCP; DTLS for media
 * is not judged here) ends with a fatal alert in clear text (RFC 5246 §7.2, RFC 8446 §6: e.g.
 * handshake_failure after the ClientHello, bad_certificate or unknown_ca from a verifying client),
 * or the server's certificate is one that a verifying client refuses: expired or not yet valid at
 * the connection's start, self-signed, or not naming the SNI the client asked for (RFC 6125 §6),
 * and the handshake did not get through: a client that went on to encrypted traffic accepted the
 * certificate, so that connection did not fail.
 *
 * <p>Such a completed connection is reported as a warning instead ({@link AcceptedCertificates}):
 * it works only because this client does not check certificates, and breaks for the first client
 * that does. A certificate that also appears in a failed connection gets only the error.
 *
 * <p>Encrypted alerts are not judged (they are normally close_notify). Connections with the same
 * SNI and the same server certificate are one finding, so the client's and the server's capture of
 * the same failure count once, and so does each connection ({@link SameConnections}); the first
 * connection of each capture is cited. A handshake that
 * merely stops after the ClientHello without an alert is not reported: the capture may have ended.
 * Catalogue row TLS_HANDSHAKE_FAILURE (KNOWLEDGE.md §3). Lab: {@code tls-wrong-certificate}.
 *
 * <p>With the log of either end ({@code analyze --log}), the lines that show the same failure are
 * cited ({@link TlsLogLines}): kamailio's OpenSSL reason and peer, an SBC's failed negotiation or
 * its socket closed right after accepting it; the advice then names the reason the log gives.
 */
@RuleSpec(id = "TLS_HANDSHAKE_FAILURE", severity = Severity.ERROR)
public final class TlsHandshakeFailure implements Rule {

  @Override
  public void judge(Incident incident, Findings out) {
    judge(incident, DiagnosisContext.NONE, out);
  }

  @Override
  public void judge(Incident incident, DiagnosisContext context, Findings out) {
    Map<String, List<TlsConnectionSeen>> failed = new LinkedHashMap<>();
    Map<String, List<TlsConnectionSeen>> accepted = new LinkedHashMap<>();
    for (TlsConnectionSeen c : incident.tlsConnections()) {
      if (!c.datagram() && (clearFatalAlert(c) != null || refusableCertificate(c))) {
        failed.computeIfAbsent(key(c), k -> new ArrayList<>()).add(c);
      } else if (!c.datagram() && AcceptedCertificates.acceptedDespiteDefect(c)) {
        accepted.computeIfAbsent(key(c), k -> new ArrayList<>()).add(c);
      }
    }
    for (List<TlsConnectionSeen> group : failed.values()) {
      report(group, SameConnections.count(group, incident.capturePoints()), context.logs(), out);
    }
    for (Map.Entry<String, List<TlsConnectionSeen>> group : accepted.entrySet()) {
      // the error about the same certificate already says what is wrong with it
      if (!failed.containsKey(group.getKey())) {
        AcceptedCertificates.report(this, group.getValue(),
            SameConnections.count(group.getValue(), incident.capturePoints()), out);
      }
    }
  }

  private void report(List<TlsConnectionSeen> group, int connections, LogTimeline logs, Findings out) {
    TlsConnectionSeen first = group.get(0);
    String sni = first.serverName();
    List<TlsCertificate> chain = first.certificates();
    TlsCertificate leaf = chain.isEmpty() ? null : chain.get(0);
    String name = sni != null ? sni : leaf != null && leaf.commonName() != null ? leaf.commonName() : "?";
    Findings.Builder b = out.add(this, "tls " + name).title(name, connections);
    Set<String> inputs = new HashSet<>();
    for (TlsConnectionSeen c : group) {
      if (!inputs.add(c.firstFrame().input())) {
        continue;
      }
      b.evidence(c.firstFrame(), sni == null ? "client_hello" : "client_hello_sni",
          frame(c.firstFrame()), sni == null ? "" : sni, Term.handshakeStage(c.stage()));
      TlsAlert alert = clearFatalAlert(c);
      FrameRef alertFrame = c.firstAlertFrame();
      if (alert != null && alertFrame != null) {
        String description = alert.descriptionName();
        b.evidence(alertFrame, "fatal_alert", frame(alertFrame),
            description == null ? Integer.toString(alert.description()) : description,
            Term.handshakeStage(c.stage()));
      }
    }
    TlsLogLines.Cited cited = TlsLogLines.of(group, logs);
    if (cited != null) {
      TlsLogLines.cite(b, cited);
    }
    if (leaf != null) {
      b.evidence(first.firstFrame(), "certificate", "tls.handshake.type == 11", leaf.subject(),
          String.join(", ", names(leaf)), leaf.issuer(), leaf.notBefore(), leaf.notAfter());
      if (Boolean.TRUE.equals(first.leafSelfSigned())) {
        b.evidence(first.firstFrame(), "self_signed", "tls.handshake.type == 11", leaf.subject());
      }
      if (Boolean.FALSE.equals(first.leafValidAtStart())) {
        b.evidence(first.firstFrame(), "not_valid", "tls.handshake.type == 11",
            first.start(), leaf.notBefore(), leaf.notAfter());
      }
      if (Boolean.FALSE.equals(first.leafMatchesServerName())) {
        b.evidence(first.firstFrame(), "name_mismatch", "tls.handshake.type == 11", sni,
            String.join(", ", names(leaf)));
      }
      b.advice("install_certificate", name);
    } else {
      b.advice("compare_versions");
    }
    TlsLogLines.adviseReason(b, cited);
    b.advice("bind_context", name).advice("check_client").done();
  }

  /** The first fatal alert sent in clear text, or null. */
  private static @Nullable TlsAlert clearFatalAlert(TlsConnectionSeen c) {
    for (TlsAlert a : c.alerts()) {
      if (a.fatal() && !a.encrypted()) {
        return a;
      }
    }
    return null;
  }

  /**
   * A certificate a verifying client refuses, on a connection that did not get through: once both
   * sides switched to encryption, the client accepted it, and the handshake did not fail.
   */
  private static boolean refusableCertificate(TlsConnectionSeen c) {
    if (c.stage() == TlsConnectionSeen.Stage.ESTABLISHED) {
      return false;
    }
    return Boolean.TRUE.equals(c.leafSelfSigned())
        || Boolean.FALSE.equals(c.leafValidAtStart())
        || Boolean.FALSE.equals(c.leafMatchesServerName());
  }

  /** Same SNI, same server certificate: the same failure, whichever side captured it. */
  private static String key(TlsConnectionSeen c) {
    List<TlsCertificate> chain = c.certificates();
    String leaf = chain.isEmpty() ? "" : chain.get(0).subject() + "|" + chain.get(0).issuer()
        + "|" + chain.get(0).notAfter();
    return c.serverName() + "|" + leaf;
  }

  /** The names a certificate holds: subjectAltName entries, else its CN. */
  static List<String> names(TlsCertificate leaf) {
    List<String> names = new ArrayList<>(leaf.dnsNames());
    names.addAll(leaf.ipAddresses());
    if (names.isEmpty() && leaf.commonName() != null) {
      names.add("CN=" + leaf.commonName());
    }
    return names;
  }

  static String frame(FrameRef f) {
    return "frame.number == " + f.number();
  }
}
