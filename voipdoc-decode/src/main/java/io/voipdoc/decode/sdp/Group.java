package io.voipdoc.decode.sdp;

import java.util.List;

/**
 * A group attribute (RFC 5888 §5): {@code a=group:<semantics> *(SP <identification-tag>)}, e.g.
 * {@code a=group:BUNDLE 0 1}.
 *
 * @param semantics the semantics, e.g. {@code BUNDLE}, {@code LS}
 * @param mids the mid values grouped
 */
public record Group(String semantics, List<String> mids) {

  public Group {
    mids = List.copyOf(mids);
  }

  static Group parse(String v) {
    String[] f = Fields.words(v.strip());
    return new Group(f[0], List.of(f).subList(1, f.length));
  }
}
