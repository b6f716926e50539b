/**
 * Deterministic builders for test and benchmark inputs: {@link io.voipdoc.testkit.CaptureBuilder}
 * writes pcap and pcapng files, {@link io.voipdoc.testkit.Packets} builds Ethernet, IPv4, IPv6,
 * UDP and TCP packets, and {@link io.voipdoc.testkit.TextBundles} checks the English and German
 * text bundles. Used by tests of every stage and by the benchmark's generator; never by production
 * code.
 */
@NullMarked
package io.voipdoc.testkit;

import org.jspecify.annotations.NullMarked;
