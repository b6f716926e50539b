/**
 * Access lists of call controllers, as policy input to diagnosis: the file format
 * ({@link io.voipdoc.diagnose.acl.AclParser}, documented in docs/acl.md), evaluation of an address
 * ({@link io.voipdoc.diagnose.acl.Acl#evaluate}) with the entry that decided it, and a review for
 * entries that never take effect ({@link io.voipdoc.diagnose.acl.AclReview}).
 *
 * <p>Semantics (KNOWLEDGE.md, "ACL semantics"): a whitelist blocks everything except its entries,
 * a blacklist allows everything except its entries, and an address passes when any list allows it
 * (the lists are checked until the first allow), so whitelist entries beat blacklist entries.
 */
@NullMarked
package io.voipdoc.diagnose.acl;

import org.jspecify.annotations.NullMarked;
