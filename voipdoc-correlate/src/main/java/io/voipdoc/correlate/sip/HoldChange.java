package io.voipdoc.correlate.sip;

/**
 * A side put the call on hold or took it off hold with a new offer (re-INVITE or UPDATE; RFC 3264
 * §8.4: sendonly, inactive, or the RFC 2543 connection address 0.0.0.0).
 *
 * @param offer the request that carried the offer
 * @param by who sent it
 * @param held true when it puts the call on hold, false when it resumes
 */
public record HoldChange(SipEvent offer, Party by, boolean held) {}
