/**
 * Rules about attacks on the SIP service: scans for servers, guessed extensions and passwords,
 * which precede toll fraud. Texts are in this package's {@code Messages} bundle.
 */
@NullMarked
package io.voipdoc.diagnose.rules.security;

import org.jspecify.annotations.NullMarked;
