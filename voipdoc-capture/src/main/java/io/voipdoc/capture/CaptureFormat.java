package io.voipdoc.capture;

/** File formats that voipdoc reads. */
public enum CaptureFormat {
  /** Classic libpcap, either byte order, microsecond or nanosecond timestamps. */
  PCAP,
  /** pcapng (next generation), any number of sections and interfaces. */
  PCAPNG;

  /** Lower-case name as used in reports and JSON. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
