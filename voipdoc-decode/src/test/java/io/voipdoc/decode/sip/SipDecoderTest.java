package io.voipdoc.decode.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.voipdoc.decode.CorpusPackets;
import io.voipdoc.decode.CorpusPackets.Datagram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SipDecoderTest {
  static final Path CORPUS = Path.of(System.getProperty("voipdoc.shared", "../../shared"), "corpus");
  static final Path TORTURE = CORPUS.resolve("sip-messages/rfc4475");

  static byte[] torture(String name) throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(TORTURE), "shared corpus not present: " + TORTURE);
    return Files.readAllBytes(TORTURE.resolve(name + ".dat"));
  }

  static SipMessage decode(String name) throws IOException {
    byte[] b = torture(name);
    SipMessage m = SipDecoder.decode(b, 0, b.length);
    assertNotNull(m, name);
    return m;
  }

  static SipMessage decodeText(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    SipMessage m = SipDecoder.decode(b, 0, b.length);
    assertNotNull(m, text);
    return m;
  }

  static List<String> ids(SipMessage m) {
    return m.problems().stream().map(p -> p.problem().id()).collect(Collectors.toList());
  }

  // ------------------------------------------------------------ RFC 4475 §3.1.1 valid messages

  @Test
  void wsinv() throws IOException {
    SipMessage m = decode("wsinv");
    assertEquals("INVITE", m.method());
    assertEquals("wsinv.ndaksdj@192.0.2.1", m.callId());
    assertEquals(68, m.maxForwards());
    assertEquals(new CSeq(9, "INVITE"), m.cseq());
    NameAddr to = m.to();
    assertNotNull(to);
    assertNull(to.displayName());
    assertEquals("vivekg", to.uri().user());
    assertEquals("1918181833n", to.tag());
    NameAddr from = m.from();
    assertNotNull(from);
    assertEquals("J Rosenberg \\\"", from.displayName());
    assertEquals("98asjd8", from.tag());
    List<Via> via = m.via();
    assertEquals(3, via.size());
    assertEquals("390skdjuw", via.get(0).branch());
    assertEquals("UDP", via.get(0).transport());
    assertEquals("TCP", via.get(1).transport());
    assertEquals("spindle.example.com", via.get(1).host());
    assertEquals("z9hG4bK9ikj8", via.get(1).branch());
    assertEquals("192.168.255.111", via.get(2).host());
    assertEquals("z9hG4bK30239", via.get(2).branch());
    assertEquals("newfangled value continued newfangled value", m.header("NewFangledHeader"));
    assertEquals(";;,,;;,;", m.header("UnknownHeaderWithUnusualValue"));
    assertEquals("", m.header("Subject"));
    Contact c = m.contact().get(0);
    assertNotNull(c.address());
    assertEquals("Quoted string \"\"", c.address().displayName());
    assertEquals(0.33, c.q());
    assertEquals("newvalue", c.address().parameter("newparam"));
    assertEquals(150, m.contentLength());
    assertEquals(150, m.body().length());
    assertNotNull(m.sdp());
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void intmeth() throws IOException {
    SipMessage m = decode("intmeth");
    assertEquals("!interesting-Method0123456789_*+`.%indeed'~", m.method());
    SipUri uri = m.requestUri();
    assertNotNull(uri);
    assertEquals("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", uri.user());
    assertEquals("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", uri.password());
    assertEquals("example.com", uri.host());
    assertEquals("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", m.callId());
    NameAddr to = m.to();
    assertNotNull(to);
    assertEquals("BEL:\u0007 NUL:\u0000 DEL:\u007f", to.displayName());
    assertEquals("token1~` token2'+_ token3*%!.-", m.from().displayName());
    assertEquals(139122385, m.cseq().number());
    assertEquals("z9hG4bK-.!%66*_+`'~", m.via().get(0).branch());
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void esc01() throws IOException {
    SipMessage m = decode("esc01");
    assertEquals("sips:user@example.com", m.requestUri().user());
    assertEquals("example.net", m.requestUri().host());
    assertEquals("user", m.to().uri().user());
    assertEquals("I have spaces", m.from().uri().user());
    assertEquals("esc01.239409asdfakjkn23onasd0-3234", m.callId());
    SipUri contact = m.contact().get(0).address().uri();
    assertEquals("caller", contact.user());
    assertTrue(contact.lr());
    assertEquals("value%41", contact.parameter("name"));
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void escnull() throws IOException {
    SipMessage m = decode("escnull");
    assertEquals("null-\u0000-null", m.to().uri().user());
    assertEquals(2, m.contact().size());
    assertEquals("\u0000\u0000", m.contact().get(1).address().uri().user());
    assertEquals(0, m.contentLength());
  }

  @Test
  void esc02() throws IOException {
    SipMessage m = decode("esc02");
    assertEquals("RE%47IST%45R", m.method());
    assertEquals("%Z%45", m.to().displayName());
    assertEquals("z9hG4bK209%fzsnel234", m.via().get(0).branch());
    // C%6Fntact is an unknown header, not a third Contact (RFC 4475 §3.1.1.5)
    assertEquals(2, m.contact().size());
    assertEquals("<sip:alias2@host2.example.com>", m.header("C%6Fntact"));
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void lwsdisp() throws IOException {
    SipMessage m = decode("lwsdisp");
    assertEquals("caller", m.from().displayName());
    assertEquals("323", m.from().tag());
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void longreq() throws IOException {
    SipMessage m = decode("longreq");
    assertEquals(
        "longreq.onereallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreallyreally"
            + "reallyreallyreallyreallyreallyreallyreallyreallylongcallid",
        m.callId());
    assertTrue(m.to().displayName().startsWith("I have a user name of extremeextreme"));
    assertEquals(6000, m.to().uri().port());
    assertTrue(m.from().uri().user().startsWith("amazinglylongcallername"));
    assertEquals(34, m.via().size());
    assertEquals("sip33.example.com", m.via().get(0).host());
    Via last = m.via().get(33);
    assertEquals("host.example.com", last.host());
    assertEquals("192.0.2.5", last.received());
    assertTrue(last.branch().startsWith("verylonglonglong") && last.branch().endsWith("branchvalue"));
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void dblreq() throws IOException {
    SipMessage m = decode("dblreq");
    assertEquals("REGISTER", m.method());
    assertEquals("dblreq.0ha0isndaksdj99sdfafnl3lk233412", m.callId());
    assertEquals(0, m.body().length());
    assertEquals(List.of("sip.bytes_after_body"), ids(m));
  }

  @Test
  void semiuri() throws IOException {
    SipMessage m = decode("semiuri");
    assertEquals("user;par=u@example.net", m.requestUri().user());
    assertEquals("example.com", m.requestUri().host());
    assertEquals(6, m.values("Accept").size());
    assertEquals("message/sipfrag", m.values("Accept").get(5));
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void transports() throws IOException {
    SipMessage m = decode("transports");
    assertEquals(
        List.of("UDP", "SCTP", "TLS", "UNKNOWN", "TCP"),
        m.via().stream().map(Via::transport).collect(Collectors.toList()));
    assertEquals("t4.example.com", m.via().get(3).host());
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void mpart01() throws IOException {
    SipMessage m = decode("mpart01");
    assertEquals("MESSAGE", m.method());
    assertEquals("7a9cbec02ceef655", m.contentType().boundary());
    assertEquals("SIPimp.org/0.2.5 (curses)", m.userAgent());
    List<BodyPart> parts = m.bodyParts();
    assertEquals(2, parts.size());
    assertTrue(parts.get(0).contentType().is("text", "plain"));
    assertEquals("Hello", parts.get(0).text());
    assertTrue(parts.get(1).contentType().is("application", "octet-stream"));
    assertEquals(0x30, parts.get(1).data()[parts.get(1).offset()]);
    // RFC 4475's multipart message carries a signature, not SDP
    assertNull(m.sdp());
    assertEquals(0, m.via().get(0).rport());
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void multipartWithSdp() {
    String body =
        "--b1\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n\r\n--b1\r\n"
            + "Content-Type: application/isup\r\n\r\nxx\r\n--b1--\r\n";
    SipMessage m =
        decodeText(
            "INVITE sip:a@b SIP/2.0\r\nContent-Type: multipart/mixed;boundary=b1\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body);
    BodyPart sdp = m.sdp();
    assertNotNull(sdp);
    assertEquals("v=0\r\n", sdp.text());
    assertEquals("xx", m.bodyParts().get(1).text());
  }

  @Test
  void unreason() throws IOException {
    SipMessage m = decode("unreason");
    assertEquals(200, m.statusCode());
    assertEquals(
        "= 2**3 * 5**2 \u043d\u043e \u0441\u0442\u043e \u0434\u0435\u0432\u044f\u043d\u043e"
            + "\u0441\u0442\u043e \u0434\u0435\u0432\u044f\u0442\u044c - \u043f\u0440\u043e"
            + "\u0441\u0442\u043e\u0435",
        m.reasonPhrase());
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void noreason() throws IOException {
    SipMessage m = decode("noreason");
    assertEquals(100, m.statusCode());
    assertEquals("", m.reasonPhrase());
    assertTrue(m.problems().isEmpty(), m.problems().toString());
  }

  @Test
  void inv2543() throws IOException {
    SipMessage m = decode("inv2543");
    assertEquals("iftgw.example.com", m.via().get(0).host());
    assertNull(m.via().get(0).branch());
    // without <>, ";user=phone" is a parameter of the To header, not of the URI (§20.10)
    assertEquals("phone", m.to().parameter("user"));
    assertEquals("phone", m.from().uri().parameter("user"));
    assertEquals("+16505552222", m.to().uri().user());
    assertEquals("ss1.example.com", m.recordRoute().get(0).uri().parameter("maddr"));
    // RFC 2543 had no Max-Forwards requirement and no Content-Length on UDP
    assertEquals(List.of("sip.missing_mandatory_header"), ids(m));
    assertTrue(m.body().text().startsWith("v=0\r\n"));
  }

  // ------------------------------------------------------------ RFC 4475 §3.1.2 invalid messages

  @ParameterizedTest
  @CsvSource({
    "badinv01, sip.bad_via",
    "badinv01, sip.bad_name_addr",
    "clerr, sip.content_length_mismatch",
    "ncl, sip.bad_content_length",
    "scalar02, sip.bad_cseq",
    "scalar02, sip.bad_max_forwards",
    "scalar02, sip.bad_expires",
    "scalarlg, sip.bad_cseq",
    "quotbal, sip.unbalanced_quotes",
    "ltgtruri, sip.bad_uri",
    "lwsruri, sip.bad_uri",
    "lwsstart, sip.start_line_whitespace",
    "trws, sip.start_line_whitespace",
    "regbadct, sip.bad_name_addr",
    "badaspec, sip.bad_name_addr",
    "baddn, sip.bad_display_name",
    "badvers, sip.bad_version",
    "mismatch01, sip.cseq_method_mismatch",
    "mismatch02, sip.cseq_method_mismatch",
    "bigcode, sip.bad_status_code",
    "insuf, sip.missing_mandatory_header",
    "multi01, sip.duplicate_single_header",
    "mcl01, sip.duplicate_single_header",
  })
  void invalidMessageIsFlagged(String name, String problem) throws IOException {
    assertTrue(ids(decode(name)).contains(problem), name + ": " + decode(name).problems());
  }

  @Test
  void insufNamesEveryMissingHeader() throws IOException {
    List<String> missing =
        decode("insuf").problems().stream()
            .filter(p -> p.problem() == SipProblem.MISSING_MANDATORY_HEADER)
            .map(SipProblem.At::detail)
            .collect(Collectors.toList());
    assertEquals(List.of("To", "From", "Call-ID", "Max-Forwards"), missing);
  }

  @Test
  void bigcodeKeepsReasonButNoCode() throws IOException {
    SipMessage m = decode("bigcode");
    assertEquals(-1, m.statusCode());
    assertEquals("better not break the receiver", m.reasonPhrase());
  }

  static Stream<String> applicationLevel() {
    return Stream.of(
        "badbranch", "unkscm", "novelsc", "unksm2", "bext01", "invut", "regaut01", "bcast",
        "zeromf", "cparam01", "cparam02", "regescrt", "sdp01");
  }

  /** RFC 4475 §3.2, §3.3: syntactically valid; the transaction or application layer objects. */
  @ParameterizedTest
  @MethodSource("applicationLevel")
  void applicationLevelMessagesParseClean(String name) throws IOException {
    SipMessage m = decode(name);
    assertTrue(m.problems().isEmpty(), name + ": " + m.problems());
  }

  @Test
  void applicationLevelValues() throws IOException {
    assertEquals("nobodyknowsthisscheme", decode("unkscm").requestUri().scheme());
    assertEquals("soap.beep", decode("novelsc").requestUri().scheme());
    assertEquals("isbn", decode("unksm2").to().uri().scheme());
    assertEquals("255.255.255.255", decode("bcast").via().get(1).host());
    assertEquals(0, decode("zeromf").maxForwards());
    assertTrue(decode("cparam01").contact().get(0).address().parameters().get(0).name()
        .equals("unknownparam"));
    assertTrue(decode("cparam02").contact().get(0).address().uri().hasParameter("unknownparam"));
    assertEquals(
        "<sip:sip.example.com>",
        decode("regescrt").contact().get(0).address().uri().headers().get(0).value());
    assertEquals("z9hG4bK", decode("badbranch").via().get(0).branch());
  }

  @Test
  void noTortureMessageThrowsOnAnyPrefix() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(TORTURE), "shared corpus not present: " + TORTURE);
    try (Stream<Path> files = Files.list(TORTURE)) {
      for (Path f : files.collect(Collectors.toList())) {
        byte[] b = Files.readAllBytes(f);
        SipMessage whole = SipDecoder.decode(b, 0, b.length);
        assertNotNull(whole, f.toString());
        // dblreq: a prefix that holds the whole first message is that message, undamaged
        truncatedPrefixesAreNullOrFlagged(Arrays.copyOf(b, whole.end()));
      }
    }
  }

  // ------------------------------------------------------------ behaviours

  @Test
  void truncated() {
    byte[] b =
        ("INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
                + "Max-Forwards: 70\r\nTo: <sip:bob@example.com>\r\nFrom: <sip:a@b>;tag=1\r\n"
                + "Call-ID: x\r\nCSeq: 1 INVITE\r\nContent-Length: 4\r\n\r\nv=0\n")
            .getBytes(StandardCharsets.US_ASCII);
    assertTrue(SipDecoder.decode(b, 0, b.length).problems().isEmpty());
    truncatedPrefixesAreNullOrFlagged(b);
  }

  static void truncatedPrefixesAreNullOrFlagged(byte[] b) {
    for (int n = 0; n < b.length; n++) {
      SipMessage m = SipDecoder.decode(b, 0, n);
      if (m != null) {
        assertFalse(m.problems().isEmpty(), "prefix " + n + " of " + new String(b, 0, 40));
      }
      SipDecoder.accepts(b, 0, n);
    }
  }

  @Test
  void junkBeforeRequest() throws IOException {
    // the datagram of Zeek's sip-junk-before-request trace
    SipMessage m = decodeText("DBREGISTER sip:1.1.1.1:5060 SIP/2.0\r\nExpires: 3600\r\n\r\n");
    assertEquals("REGISTER", m.method());
    assertEquals(3600, m.expires());
    assertEquals(SipProblem.JUNK_BEFORE_START_LINE, m.problems().get(0).problem());
    assertEquals("bytes=2", m.problems().get(0).detail());

    byte[] binary = "\u0000\u0001\u00ffOPTIONS sip:x SIP/2.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(SipDecoder.accepts(binary, 0, binary.length));
    SipMessage o = SipDecoder.decode(binary, 0, binary.length);
    assertEquals("OPTIONS", o.method());
    assertEquals(new SipProblem.At(SipProblem.JUNK_BEFORE_START_LINE, 0, "bytes=3"), o.problems().get(0));
  }

  @Test
  void keepAlivesAreNotSip() {
    byte[] crlf = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    assertNull(SipDecoder.decode(crlf, 0, crlf.length));
    assertFalse(SipDecoder.accepts(crlf, 0, crlf.length));
    SipMessage m = decodeText("\r\n\r\nSIP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n");
    assertEquals(200, m.statusCode());
  }

  @Test
  void recognisesByGrammarNotMethodList() {
    SipMessage m = decodeText("FROBNICATE sip:x@y SIP/2.0\r\n\r\n");
    assertEquals("FROBNICATE", m.method());
    byte[][] notSip = {
      "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
      "SIP/2.0\r\n".getBytes(StandardCharsets.US_ASCII),
      "invite\r\n".getBytes(StandardCharsets.US_ASCII),
      {(byte) 0x80, 0x00, 0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 2},
      {0x00, 0x01, 0x00, 0x00, 0x21, 0x12, (byte) 0xA4, 0x42, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
    };
    for (byte[] b : notSip) {
      assertFalse(SipDecoder.accepts(b, 0, b.length), new String(b, StandardCharsets.ISO_8859_1));
      assertNull(SipDecoder.decode(b, 0, b.length));
    }
  }

  @Test
  void methodsAreCaseSensitive() {
    // RFC 3261 §7.1: the method is case-sensitive; "invite" is a different (extension) method
    SipMessage m = decodeText("invite sip:x@y SIP/2.0\r\nCSeq: 1 INVITE\r\n\r\n");
    assertEquals("invite", m.method());
    assertTrue(ids(m).contains("sip.cseq_method_mismatch"));
  }

  @Test
  void compactHeaders() {
    SipMessage m =
        decodeText(
            "BYE sip:x@y SIP/2.0\r\nv: SIP/2.0/TLS [2001:db8::1]:5061;branch=z9hG4bKa;rport=5062;"
                + "received=192.0.2.9;maddr=239.1.1.1;ttl=16\r\n"
                + "f: \"A\" <sip:a@b>;tag=1\r\nt: <sip:x@y>;tag=2\r\ni: cid\r\n"
                + "m: *\r\nl: 0\r\nc: application/sdp\r\nk: timer, 100rel\r\n"
                + "x: 1800;refresher=uac\r\no: dialog\r\nReason: Q.850;cause=16;text=\"Normal call "
                + "clearing\", SIP;cause=200;text=\"Call completed elsewhere\"\r\n\r\n");
    Via v = m.via().get(0);
    assertEquals("TLS", v.transport());
    assertEquals("[2001:db8::1]", v.host());
    assertEquals(5061, v.port());
    assertEquals(5062, v.rport());
    assertEquals("192.0.2.9", v.received());
    assertEquals("239.1.1.1", v.maddr());
    assertEquals(16, v.ttl());
    assertEquals("cid", m.callId());
    assertTrue(m.contact().get(0).star());
    assertEquals(List.of("timer", "100rel"), m.values("Supported"));
    assertEquals("1800;refresher=uac", m.header("Session-Expires"));
    assertEquals("dialog", m.header("EVENT"));
    assertEquals(2, m.reason().size());
    assertTrue(m.reason().get(0).isQ850());
    assertEquals(16, m.reason().get(0).cause());
    assertEquals("Normal call clearing", m.reason().get(0).text());
    assertEquals(200, m.reason().get(1).cause());
    assertEquals(
        List.of("CSeq", "Max-Forwards"),
        m.problems().stream().map(SipProblem.At::detail).collect(Collectors.toList()));
  }

  @Test
  void contactListRespectsQuotesAndBrackets() {
    SipMessage m =
        decodeText(
            "REGISTER sip:r SIP/2.0\r\nContact: \"Doe, John\" <sip:j@h;a=1,2>;expires=60;q=0.5, "
                + "<sips:k@[::1]:5061;transport=tcp>\r\n\r\n");
    List<Contact> c = m.contact();
    assertEquals(2, c.size());
    assertEquals("Doe, John", c.get(0).address().displayName());
    assertEquals("1,2", c.get(0).address().uri().parameter("a"));
    assertEquals(60, c.get(0).expires());
    assertEquals(0.5, c.get(0).q());
    SipUri k = c.get(1).address().uri();
    assertEquals("sips", k.scheme());
    assertEquals("[::1]", k.host());
    assertEquals("::1", k.hostAddress());
    assertEquals(5061, k.port());
    assertEquals("tcp", k.transport());
  }

  @Test
  void telUri() {
    SipUri u = SipUri.parse("tel:+1-201-555-0123;phone-context=example.com");
    assertEquals("tel", u.scheme());
    assertEquals("+1-201-555-0123", u.user());
    assertEquals("example.com", u.parameter("phone-context"));
    assertTrue(u.wellFormed());
  }

  @Test
  void bareLfLinesAreToleratedWithProblem() {
    SipMessage m = decodeText("SIP/2.0 180 Ringing\nCall-ID: z\nContent-Length: 0\n\n");
    assertEquals(180, m.statusCode());
    assertEquals("z", m.callId());
    assertTrue(ids(m).contains("sip.bare_lf"));
  }

  @Test
  void headerWithoutColonIsSkipped() {
    SipMessage m = decodeText("SIP/2.0 200 OK\r\nThis is not a header\r\nCall-ID: q\r\n\r\n");
    assertEquals("q", m.callId());
    assertEquals(1, m.headerCount());
    assertTrue(ids(m).contains("sip.header_without_colon"));
  }

  @Test
  void nonUtf8IsReported() {
    byte[] b = "SIP/2.0 200 O\u00ffK\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    SipMessage m = SipDecoder.decode(b, 0, b.length);
    assertTrue(ids(m).contains("sip.non_utf8"));
    assertEquals(new SipProblem.At(SipProblem.NON_UTF8, 13, ""), m.problems().stream()
        .filter(p -> p.problem() == SipProblem.NON_UTF8).findFirst().orElseThrow());
  }

  @Test
  void limitsAreApplied() {
    StringBuilder s = new StringBuilder("OPTIONS sip:x SIP/2.0\r\n");
    for (int i = 0; i < 300; i++) {
      s.append("X-").append(i).append(": v\r\n");
    }
    s.append("X-Long: ").append("a".repeat(9000)).append("\r\n\r\n");
    SipMessage m = decodeText(s.toString());
    assertEquals(SipDecoderConfig.DEFAULT_MAX_HEADERS, m.headerCount());
    assertTrue(ids(m).contains("sip.too_many_headers"));
    assertTrue(ids(m).contains("sip.line_too_long"));
  }

  // ------------------------------------------------------------ real captures

  /**
   * Counts requests and responses in every sip/ capture of the shared corpus (datagrams, including
   * those reassembled from IP fragments, and TCP directions cut by {@link SipStreamFramer}) and
   * compares them with tshark's figures in expected.tsv.
   */
  @ParameterizedTest
  @CsvSource({
    "sip/pkts-cancel.pcap", "sip/pkts-fragmented_tcp_sip.pcap", "sip/pkts-fragmented_udp_sip.pcap",
    "sip/pkts-sip_rtp.pcap", "sip/pkts-sipp.pcap", "sip/pkts-sipp_sll.pcap",
    "sip/sipnab-Asterisk_ZFONE_XLITE.pcap", "sip/sipnab-DTMFsipinfo.pcap", "sip/sipnab-SIP_DTMF2.cap",
    "sip/sipnab-b2bua-asterisk.pcapng", "sip/sipnab-codec-negotiation.pcap",
    "sip/sipnab-invite-opus-bye.pcap", "sip/sipnab-metasploit-sip-invite-spoof.pcap",
    "sip/sipnab-register-invite-reinvite-bye.pcap", "sip/sipnab-sip-488-codec-reject.pcapng",
    "sip/sipnab-sip-auth-failure.pcapng", "sip/sipnab-sip-over-tcp.pcap",
    "sip/sipnab-sip-proxy.pcap", "sip/sipnab-sip-register.pcap",
    "sip/sipnab-sip-routing-error.pcapng", "sip/sipnab-sip-rtp-g711.pcap",
    "sip/sipnab-sip-rtp-g722.pcap", "sip/sipnab-sip-rtp-g729a.pcap",
    "sip/sipnab-sip-rtp-opus-hybrid.pcap", "sip/sipnab-sip-sdp-example.pcap",
    "sip/sipnab-sipp-branch-scenario.pcapng", "sip/sipnab-sipp-g711a.pcap",
    "sip/sngrep-ipv6frag.pcap",
    "sip/zeek-sip-invalid-content-length.pcap", "sip/zeek-sip-sip-junk-before-request.pcap",
    "sip/zeek-sip-sip-long-request-response-paths.pcap", "sip/zeek-sip-wireshark.pcap",
  })
  void countsMatchTshark(String file) throws IOException {
    CorpusPackets packets = CorpusPackets.read(file);
    int[] expected = expected(file);
    List<SipMessage> messages = new ArrayList<>();
    for (Datagram d : packets.datagrams()) {
      SipMessage m = SipDecoder.decode(d.payload(), 0, d.payload().length);
      if (m != null) {
        messages.add(m);
      }
    }
    for (byte[] stream : packets.streams().values()) {
      SipStreamFramer framer = new SipStreamFramer();
      framer.feed(stream, 0, stream.length);
      framer.end();
      assertEquals(List.of(), framer.drainProblems(), file);
      for (SipMessage m = framer.next(); m != null; m = framer.next()) {
        messages.add(m);
      }
    }
    // every header parsed once, to show lazy parsing of real messages does not throw
    messages.forEach(SipMessage::problems);
    long requests = messages.stream().filter(SipMessage::isRequest).count();
    long responses = messages.size() - requests;
    assertEquals(expected[0], requests, file + " requests");
    assertEquals(expected[1], responses, file + " responses");
  }

  static int[] expected(String file) throws IOException {
    for (String line : Files.readAllLines(CORPUS.resolve("expected.tsv"))) {
      String[] f = line.split("\t");
      if (f[0].equals(file)) {
        return new int[] {Integer.parseInt(f[4]), Integer.parseInt(f[5])};
      }
    }
    throw new AssertionError("no row for " + file);
  }

  @Test
  void realMessagesDecodeWithValues() throws IOException {
    List<SipMessage> invites = new ArrayList<>();
    for (Datagram d : CorpusPackets.read("sip/zeek-sip-wireshark.pcap").datagrams()) {
      SipMessage m = SipDecoder.decode(d.payload(), 0, d.payload().length);
      if (m != null && "INVITE".equals(m.method())) {
        invites.add(m);
      }
    }
    // tshark: 11 INVITE requests with 4 distinct Call-IDs
    assertEquals(11, invites.size());
    assertEquals(4, invites.stream().map(SipMessage::callId).distinct().count());
    for (SipMessage m : invites) {
      assertEquals("INVITE", m.cseq().method());
      assertFalse(m.via().isEmpty());
      assertNotNull(m.from().tag());
    }
  }

  // ------------------------------------------------------------ values read without copies

  @Test
  void aCarriageReturnInsideALineUnfoldsLikeALineBreak() {
    SipMessage m =
        decodeText(
            "OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n"
                + "Subject: one\rtwo\r\nCall-ID: c\r\nContent-Length: 0\r\n\r\n");
    assertEquals("one two", m.header("Subject"));
    assertEquals("c", m.callId());
  }

  @Test
  void knownMethodsAndTheSdpTypeAreSharedAmongMessages() {
    String text =
        "INVITE sip:a@example.com SIP/2.0\r\nContent-Type: Application/SDP\r\n"
            + "Content-Length: 0\r\n\r\n";
    SipMessage a = decodeText(text);
    SipMessage b = decodeText(text);
    assertSame(a.method(), b.method());
    assertEquals("INVITE", a.method());
    assertSame(a.contentType(), b.contentType());
    assertEquals(new ContentType("application", "sdp", List.of()), a.contentType());
    assertEquals("FOO", decodeText(text.replace("INVITE", "FOO")).method());
  }

  @Test
  void statusCodesAreReadFromTheStatusLine() {
    assertEquals(183, decodeText("SIP/2.0 183 Session Progress\r\n\r\n").statusCode());
    assertEquals(-1, decodeText("SIP/2.0 1830 Odd\r\n\r\n").statusCode());
    assertEquals(99, decodeText("SIP/2.0 99 Odd\r\n\r\n").statusCode());
  }
}
