package io.voipdoc.decode.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An ICE candidate (RFC 8839 §5.1), with the TCP candidate type of RFC 6544 §4.5:
 *
 * <pre>
 * candidate-attribute = "candidate" ":" foundation SP component-id SP transport SP priority SP
 *                       connection-address SP port SP cand-type [SP rel-addr] [SP rel-port]
 *                       *(SP cand-extension)
 * cand-type  = "typ" SP candidate-types   ; host / srflx / prflx / relay / token
 * rel-addr   = "raddr" SP connection-address
 * rel-port   = "rport" SP port
 * cand-extension = extension-att-name SP extension-att-value
 * </pre>
 *
 * @param foundation foundation (1..32 ice-chars)
 * @param component component ID (1 = RTP, 2 = RTCP)
 * @param transport transport in upper case ({@code UDP}, {@code TCP})
 * @param priority priority (0..2**32-1)
 * @param address connection address (IPv4, IPv6, or an FQDN / mDNS name)
 * @param port port
 * @param type candidate type in lower case ({@code host}, {@code srflx}, {@code prflx}, {@code
 *     relay}, or another token)
 * @param relatedAddress raddr, or null
 * @param relatedPort rport, or -1
 * @param tcpType tcptype ({@code active}, {@code passive}, {@code so}), or null
 * @param generation generation extension, or -1
 * @param extensions every extension pair after the type, in order (including tcptype and
 *     generation)
 */
public record Candidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    String type,
    @Nullable String relatedAddress,
    int relatedPort,
    @Nullable String tcpType,
    int generation,
    List<Attribute> extensions) {

  public Candidate {
    extensions = List.copyOf(extensions);
  }

  /** Parses the value after {@code candidate:}; null when it does not follow the grammar. */
  static @Nullable Candidate parse(String v) {
    String[] f = Fields.words(v.strip());
    if (f.length < 8 || !f[6].equals("typ") || f[0].isEmpty() || f[0].length() > 32) {
      return null;
    }
    long component = Fields.decimal(f[1], 256);
    long priority = Fields.decimal(f[3], 0xFFFF_FFFFL);
    long port = Fields.decimal(f[5], 65535);
    if (component < 0 || priority < 0 || port < 0 || f[4].isEmpty() || f[7].isEmpty()) {
      return null;
    }
    String raddr = null;
    int rport = -1;
    String tcpType = null;
    int generation = -1;
    List<Attribute> ext = new ArrayList<>();
    for (int i = 8; i < f.length; i += 2) {
      if (i + 1 >= f.length) {
        return null; // an extension name without its value
      }
      String name = f[i];
      String value = f[i + 1];
      switch (name) {
        case "raddr" -> raddr = value;
        case "rport" -> {
          rport = (int) Fields.decimal(value, 65535);
          if (rport < 0) {
            return null;
          }
        }
        default -> {
          ext.add(new Attribute(name, value));
          if (name.equals("tcptype")) {
            tcpType = value;
          } else if (name.equals("generation")) {
            generation = (int) Fields.decimal(value, Integer.MAX_VALUE);
          }
        }
      }
    }
    return new Candidate(
        f[0],
        (int) component,
        f[2].toUpperCase(Locale.ROOT),
        priority,
        f[4],
        (int) port,
        f[7].toLowerCase(Locale.ROOT),
        raddr,
        rport,
        tcpType,
        generation,
        ext);
  }
}
