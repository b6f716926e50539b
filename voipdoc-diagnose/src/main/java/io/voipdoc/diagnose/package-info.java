/**
 * Stage 4 of the pipeline: diagnosis. {@link io.voipdoc.diagnose.Rule}s, one failure pattern
 * each (the IDs of the domain brief's failure catalogue), read the correlated {@link
 * io.voipdoc.correlate.incident.Incident} and produce {@link io.voipdoc.diagnose.Finding}s with
 * evidence (frames, display filters) and advice. Rules never see bytes: the model states facts,
 * rules make judgements. Texts live in one resource bundle per rule area, English and German.
 */
@NullMarked
package io.voipdoc.diagnose;

import org.jspecify.annotations.NullMarked;
