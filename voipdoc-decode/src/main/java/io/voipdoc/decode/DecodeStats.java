package io.voipdoc.decode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link PacketDecoder} has seen so far: plain counters, cheap to bump on the hot path.
 * Headers are counted at every tunnel level (a VXLAN frame counts two IPv4 headers), but not
 * inside the packets ICMP errors quote.
 */
public final class DecodeStats {
  long frames;
  long ipv4;
  long ipv6;
  long udp;
  long tcp;
  long icmp;
  long icmpErrors;
  long ipFragments;
  long ipReassembled;
  long nonIp;
  long unsupportedLinkType;
  long damaged;
  long vlan;
  long mpls;
  long pppoe;
  long gre;
  long erspan;
  long vxlan;
  long ipInIp;
  long hep;
  final Map<Integer, Long> unsupportedLinkTypes = new TreeMap<>();

  /**
   * All counters in a stable order under camelCase keys: {@code frames, ipv4, ipv6, udp, tcp,
   * icmp, icmpErrors, ipFragments, ipReassembled, nonIp, unsupportedLinkType, damaged, vlan,
   * mpls, pppoe, gre, erspan, vxlan, ipInIp, hep}. {@code vlan}, {@code mpls} and {@code pppoe}
   * count frames (or tunnelled frames) that carried at least one such header; {@code damaged}
   * counts frames whose link layer could not be walked.
   */
  public Map<String, Long> counts() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("frames", frames);
    m.put("ipv4", ipv4);
    m.put("ipv6", ipv6);
    m.put("udp", udp);
    m.put("tcp", tcp);
    m.put("icmp", icmp);
    m.put("icmpErrors", icmpErrors);
    m.put("ipFragments", ipFragments);
    m.put("ipReassembled", ipReassembled);
    m.put("nonIp", nonIp);
    m.put("unsupportedLinkType", unsupportedLinkType);
    m.put("damaged", damaged);
    m.put("vlan", vlan);
    m.put("mpls", mpls);
    m.put("pppoe", pppoe);
    m.put("gre", gre);
    m.put("erspan", erspan);
    m.put("vxlan", vxlan);
    m.put("ipInIp", ipInIp);
    m.put("hep", hep);
    return Collections.unmodifiableMap(m);
  }

  /** Frames of link types the decoder does not know, by LINKTYPE_* number, ascending. */
  public Map<Integer, Long> unsupportedLinkTypes() {
    return Collections.unmodifiableMap(new TreeMap<>(unsupportedLinkTypes));
  }

  @Override
  public String toString() {
    return counts().toString();
  }
}
