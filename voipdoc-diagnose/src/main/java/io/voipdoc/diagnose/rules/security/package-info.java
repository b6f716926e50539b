/**
 * Rules about attacks on a SIP service: scans for servers and extensions that precede toll fraud.
 * Texts are in this package's {@code Messages} bundle.
 */
@NullMarked
package io.voipdoc.diagnose.rules.security;

import org.jspecify.annotations.NullMarked;
