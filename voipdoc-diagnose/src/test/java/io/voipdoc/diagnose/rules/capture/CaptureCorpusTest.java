package io.voipdoc.diagnose.rules.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.voipdoc.diagnose.Diagnoser;
import io.voipdoc.diagnose.Finding;
import io.voipdoc.diagnose.FindingText;
import io.voipdoc.diagnose.Incidents;
import io.voipdoc.diagnose.Rules;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every SIP capture of the shared corpus, with the capture-quality findings it should get (IDs in
 * report order, space-separated; empty for none). The corpus holds sample captures: many are cut
 * around one message exchange (CAPTURE_TOO_SHORT, CAPTURE_STARTED_LATE) or were taken with SIP
 * only, e.g. SIPp runs without media (CAPTURE_SIGNALLING_ONLY); each was checked with tshark.
 */
class CaptureCorpusTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "sip/pkts-cancel.pcap|",
    "sip/pkts-fragmented_tcp_sip.pcap|CAPTURE_SIGNALLING_ONLY",
    "sip/pkts-fragmented_udp_sip.pcap|CAPTURE_STARTED_LATE",
    "sip/pkts-sip_rtp.pcap|",
    "sip/pkts-sipp.pcap|CAPTURE_SIGNALLING_ONLY",
    "sip/pkts-sipp_sll.pcap|CAPTURE_SIGNALLING_ONLY",
    "sip/sipnab-Asterisk_ZFONE_XLITE.pcap|",
    "sip/sipnab-DTMFsipinfo.pcap|CAPTURE_SIGNALLING_ONLY",
    "sip/sipnab-SIP_CALL_RTP_G711|CAPTURE_TOO_SHORT CAPTURE_TOO_SHORT",
    "sip/sipnab-SIP_DTMF2.cap|",
    "sip/sipnab-b2bua-asterisk.pcapng|",
    "sip/sipnab-codec-negotiation.pcap|",
    "sip/sipnab-invite-opus-bye.pcap|",
    "sip/sipnab-metasploit-sip-invite-spoof.pcap|CAPTURE_TOO_SHORT",
    "sip/sipnab-register-invite-reinvite-bye.pcap|",
    "sip/sipnab-sip-488-codec-reject.pcapng|",
    "sip/sipnab-sip-auth-failure.pcapng|",
    "sip/sipnab-sip-over-tcp.pcap|",
    "sip/sipnab-sip-proxy.pcap|CAPTURE_SIGNALLING_ONLY",
    "sip/sipnab-sip-register.pcap|",
    "sip/sipnab-sip-routing-error.pcapng|",
    "sip/sipnab-sip-rtp-g711.pcap|CAPTURE_TOO_SHORT",
    "sip/sipnab-sip-rtp-g722.pcap|",
    "sip/sipnab-sip-rtp-g729a.pcap|",
    "sip/sipnab-sip-rtp-opus-hybrid.pcap|CAPTURE_TOO_SHORT",
    "sip/sipnab-sip-sdp-example.pcap|CAPTURE_SIGNALLING_ONLY",
    "sip/sipnab-sipp-branch-scenario.pcapng|CAPTURE_SIGNALLING_ONLY",
    "sip/sipnab-sipp-g711a.pcap|",
    "sip/sngrep-ipv6frag.pcap|CAPTURE_SIGNALLING_ONLY",
    "sip/zeek-sip-invalid-content-length.pcap|CAPTURE_TOO_SHORT",
    "sip/zeek-sip-sip-junk-before-request.pcap|",
    "sip/zeek-sip-sip-long-request-response-paths.pcap|",
    "sip/zeek-sip-wireshark.pcap|",
  })
  void capture_findings_of_corpus_captures(String file, String expected) {
    List<Finding> all = Diagnoser.diagnose(Incidents.of(Incidents.corpus(file)), Rules.ALL);
    String ids = String.join(" ", all.stream().map(Finding::id).filter(id -> id.startsWith(Diagnoser.CAPTURE_PREFIX)).toList());
    assertEquals(expected == null ? "" : expected, ids, file + ": " + all);
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
      FindingText text = new FindingText(locale);
      for (Finding f : all) {
        assertFalse(text.title(f).contains("{"), text.title(f));
        f.evidence().forEach(e -> assertFalse(text.evidence(f, e).contains("{"), text.evidence(f, e)));
        f.advice().forEach(a -> assertFalse(text.advice(f, a).isBlank()));
      }
    }
  }
}
